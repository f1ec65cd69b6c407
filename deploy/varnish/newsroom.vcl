vcl 4.1;
# Newsroom's caching proxy: Varnish in front of gunicorn (docs/deploying.md). The rules
# only; the file that includes them names the backend (default.vcl for docker-compose,
# the tests write their own). The app decides what may be kept and for how long through
# Cache-Control; this file adds what a proxy must also know:
# - a BAN from the app (pagecache.purge, after every change) drops every stored page;
# - the admin, previews and /healthz always reach the app;
# - staff (a session) and requests with credentials are never served from or stored in
#   the cache, nor is a response that sets a cookie or is not marked public;
# - Vary is honoured (Varnish does so itself).

import cookie;
import std;

# Who may send a BAN besides the purge listener (the `purge` address of varnishd's -a,
# which docker-compose does not publish): this machine only.
acl purgers {
    "localhost";
}

sub vcl_recv {
    if (req.method == "BAN") {
        if (local.socket != "purge" && client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        # Every public page carries Cache-Tag: newsroom-pages (pagecache.caching); static
        # files, whose names change with their content, are kept.
        if (std.ban("obj.http.Cache-Tag ~ newsroom-pages")) {
            return (synth(200, "Banned"));
        }
        return (synth(500, std.ban_error()));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # (For a site mounted under a path, DJANGO_SCRIPT_NAME, put it in front of these.)
    if (req.url ~ "^/admin/" || req.url ~ "^/[^/]+/news/preview/" || req.url ~ "^/healthz") {
        return (pass);
    }
    # Staff and anyone else with a session, or credentials: their own page, kept nowhere.
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # Of a reader's cookies only the language choice can change a page (the API's and the
    # sitemap's messages, which have no language in their address); the others (csrftoken,
    # analytics) are dropped so that readers share pages, and Vary: Cookie keeps the
    # languages apart.
    if (req.http.Cookie) {
        cookie.parse(req.http.Cookie);
        cookie.keep("django_language");
        set req.http.Cookie = cookie.get_string();
        if (req.http.Cookie == "") {
            unset req.http.Cookie;
        }
    }
    # Campaign parameters no page reads: one stored copy, not one per link shared.
    if (req.url ~ "[?&](utm_[a-z]+|fbclid|gclid)=") {
        set req.url = regsuball(req.url, "([?&])(utm_[a-z]+|fbclid|gclid)=[^&]*", "\1");
        set req.url = regsuball(req.url, "([?&])&+", "\1");
        set req.url = regsub(req.url, "[?&]+$", "");
    }
    return (hash);
}

# Pages are kept apart by scheme as the app's own cache does (behind TLS the load
# balancer says https); then by address and host (Varnish's built-in vcl_hash).
sub vcl_hash {
    hash_data(req.http.X-Forwarded-Proto);
}

sub vcl_pass {
    set req.http.X-Edge-Pass = "1";
}

sub vcl_backend_response {
    # Stored only when the app says anyone may share it (public pages, static files)
    # and it sets no cookie; anything else is fetched anew for every request.
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control !~ "(?i)(^|[ ,])public($|[ ,])"
        || beresp.http.Cache-Control ~ "(?i)(private|no-store|no-cache)") {
        set beresp.ttl = 60s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # The app's s-maxage never reaches past the next scheduled change (an article falls
    # due, a notice ends), and its stale-while-revalidate shrinks to nothing before one:
    # Varnish takes both from Cache-Control (ttl and grace). Without the latter, no grace.
    if (beresp.http.Cache-Control !~ "stale-while-revalidate") {
        set beresp.grace = 0s;
    }
}

sub vcl_deliver {
    if (req.http.X-Edge-Pass) {
        set resp.http.X-Edge = "pass";
    } else if (obj.hits > 0) {
        set resp.http.X-Edge = "hit";
    } else {
        set resp.http.X-Edge = "miss";
    }
}
