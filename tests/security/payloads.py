"""A corpus of cross-site-scripting payloads, shared by the sanitiser audit
(tests/test_sanitizer.py), the browser attack suite (tests/browser/test_stored_xss.py)
and the reflected-XSS probes (tests/security/test_http_attacks.py).

Each payload, if it ever ran, would open a dialog (`alert`, `confirm`, `prompt`) or set
the canary `window.__xss`, which the browser tests check after every page.
"""

from __future__ import annotations

# The classic forms: tags, event handlers, URL schemes, encodings, parser confusions.
CLASSIC = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<a href="javascript:alert(1)">click</a>',
    '<a href="JaVaScRiPt:alert(1)">click</a>',
    '<a href="&#106;avascript:alert(1)">click</a>',
    '<a href="jav&#x09;ascript:alert(1)">click</a>',
    '<a href=" javascript:alert(1)">click</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click</a>',
    '<a href="vbscript:msgbox(1)">click</a>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    "<body onload=alert(1)>",
    '<p onclick="alert(1)">click</p>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<style>@import 'javascript:alert(1)';</style>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<form action="javascript:alert(1)"><button>x</button></form>',
    '<button formaction="javascript:alert(1)">x</button>',
    "<input onfocus=alert(1) autofocus>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    '<base href="javascript:alert(1)//">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<link rel=stylesheet href="javascript:alert(1)">',
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    "</title><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<!--<script>alert(1)</script>-->",
    '<a href="https://example.org" onmouseover="alert(1)">x</a>',
    '<blockquote cite="javascript:alert(1)">x</blockquote>',
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    '<a href="javascript&colon;alert(1)">click</a>',
    "{{ request }}{% debug %}<script>alert(1)</script>",
]

# Canary payloads: no dialog, so only the `window.__xss` check would see them run.
CANARY = [
    "<script>window.__xss=1</script>",
    "<img src=x onerror=window.__xss=1>",
    "<svg/onload=window.__xss=1>",
    "<body onpageshow=window.__xss=1>",
    "<marquee onstart=window.__xss=1>x</marquee>",
    "<audio src=x onerror=window.__xss=1>",
    "<img src=x:x onerror=eval(atob('d2luZG93Ll9feHNzPTE='))>",
    "<ScRiPt>window.__xss=1</sCrIpT>",
    "<script src=data:text/javascript,window.__xss=1></script>",
    "<img\nsrc=x\nonerror=window.__xss=1>",
    "<img src=x onerror=&#119;indow.__xss=1>",
    '"onmouseover=window.__xss=1 x="',
    "' onfocus=window.__xss=1 autofocus x='",
    "javascript:window.__xss=1",
    "</script><script>window.__xss=1</script>",
    "<iframe src=javascript:window.__xss=1>",
    '<table background="javascript:window.__xss=1">',
    "<isindex action=javascript:window.__xss=1 type=submit>",
    "<select autofocus onfocus=window.__xss=1>",
    "<textarea autofocus onfocus=window.__xss=1>",
    "<keygen autofocus onfocus=window.__xss=1>",
    "<svg><animate onbegin=window.__xss=1 attributeName=x dur=1s>",
    "<svg><set onbegin=window.__xss=1 attributename=x to=1>",
    '<a href="java\tscript:window.__xss=1">tab</a>',
    "<img src=`x` onerror=window.__xss=1>",
    "<x onclick=window.__xss=1>click me</x>",
    "%3Cscript%3Ewindow.__xss=1%3C/script%3E",
    "&lt;script&gt;window.__xss=1&lt;/script&gt;",
    "<<script>window.__xss=1//<</script>",
    '<img src="x" alt="`"onerror="window.__xss=1">',
]

PAYLOADS = CLASSIC + CANARY
assert len(PAYLOADS) >= 50 and len(set(PAYLOADS)) == len(PAYLOADS)
