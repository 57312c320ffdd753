"""The dashboard: static HTML, CSS and vanilla JS modules, plus the vendored libraries in vendor/.

No build step: the API serves these files as they are (see sitrep.api.pages). The JS reads only
the API's JSON (`/api/...`) and draws it; article text is always inserted with `textContent`.
"""
