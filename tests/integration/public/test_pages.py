def test_landing_page_says_it_is_a_simulator(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "not a Government of Canada service" in response.get_data(as_text=True)


def test_signed_in_user_reaches_dashboard(client, signed_in):
    response = client.get("/employer/")
    assert response.status_code == 200
    assert signed_in.employer.operating_name in response.get_data(as_text=True)
