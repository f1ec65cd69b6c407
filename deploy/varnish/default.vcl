vcl 4.1;
# Varnish in docker-compose.yml: the web service's gunicorn behind it, the rules in
# newsroom.vcl. Another setup names its own backend the same way and includes them.

backend default {
    .host = "web";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
}

include "newsroom.vcl";
