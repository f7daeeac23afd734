"""Serve a built site on localhost as a web server would: gzip for text, cache headers, a 404 page.

Used by the tests and by ``make bench`` (Lighthouse measures a page as it travels over the network, so the
server must compress as the publisher's server does). Written here because Python's ``http.server`` has no
compression and no well-kept small library adds it without a framework.

``python -m cowork_book.commands.serve [folder] [--port N]`` serves a folder (default ``_build/site``) by hand.
"""

import argparse
import contextlib
import functools
import gzip
import http.server
import threading
from pathlib import Path

COMPRESSIBLE = (".html", ".css", ".js", ".svg", ".json", ".txt", ".xml", ".ics")
ONE_YEAR = 365 * 24 * 3600


class Handler(http.server.SimpleHTTPRequestHandler):
    """Static files; gzip when the client accepts it; long caching for assets, revalidation for pages.
    HTTP/1.1 with keep-alive, as every publishing host speaks it (a page's stylesheets come over the connection
    that brought the page, not over new ones)."""

    protocol_version = "HTTP/1.1"

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if not path.is_file() or not path.name.endswith(COMPRESSIBLE) or "gzip" not in self.accept_encoding():
            return self.plain_head(path)
        body = gzip.compress(path.read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return _Body(body)

    def plain_head(self, path):
        if not path.exists():
            self.send_error(404)
            return None
        return super().send_head()

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None

    def end_headers(self):
        static = "/_static/" in self.path
        self.send_header("Cache-Control", f"public, max-age={ONE_YEAR}" if static else "no-cache")
        super().end_headers()

    def accept_encoding(self):
        return self.headers.get("Accept-Encoding", "")

    def log_message(self, *args):
        pass


class _Body:
    """A file-like body for ``SimpleHTTPRequestHandler.copyfile``."""

    def __init__(self, data):
        self.data = data

    def read(self, size=-1):
        data, self.data = (self.data, b"") if size < 0 else (self.data[:size], self.data[size:])
        return data

    def close(self):
        pass


def make_server(folder, port=0):
    """A server for ``folder`` on localhost (``port`` 0: any free one)."""
    return http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Handler, directory=str(folder)))


@contextlib.contextmanager
def serving(folder):
    """Serve ``folder`` on a free localhost port in a thread; yields the base URL."""
    httpd = make_server(folder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="_build/site")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    with make_server(args.folder, args.port) as httpd:
        print(f"Serving {args.folder} at http://127.0.0.1:{args.port}/ (Ctrl+C to stop)")
        httpd.serve_forever()


if __name__ == "__main__":
    main()
