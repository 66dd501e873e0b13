"""psycopg 3 against Eddy's Postgres endpoint, driven by test/pgwire/clients/psycopg.test.ts.

Usage: psycopg_scenario.py PORT SCENARIO OPTIONS_JSON. Prints one JSON object per line ({"event": ...});
reads commands ("cancel") from stdin where a scenario needs the test to act first.
"""
import json
import sys
import threading

import psycopg
from psycopg import errors


def say(event, **fields):
    print(json.dumps({"event": event, **fields}, default=str), flush=True)


def connect(port, autocommit):
    return psycopg.connect(host="127.0.0.1", port=port, user="eddy", dbname="eddy",
                           connect_timeout=5, autocommit=autocommit)


def described(values):
    # The Python type of each value shows how psycopg decoded the column.
    return {"values": list(values), "types": [type(v).__name__ for v in values]}


def error_fields(e):
    return {"sqlstate": e.sqlstate, "message": e.diag.message_primary,
            "position": e.diag.statement_position, "cls": type(e).__name__}


def basics(port, stream):
    # The default connection (autocommit off): psycopg wraps statements in BEGIN ... COMMIT.
    with connect(port, autocommit=False) as conn:
        conn.execute(f"CREATE STREAM {stream} (id INT KEY, v DOUBLE, name STRING) "
                     f"WITH (kafka_topic='{stream}', value_format='json', partitions=1);")
        say("created")
        with conn.cursor() as cur:
            cur.execute(f"INSERT INTO {stream} (id, v, name) VALUES (%s, %s, %s);", (1, 1.5, "one"))
            cur.executemany(f"INSERT INTO {stream} (id, v, name) VALUES (%s, %s, %s);",
                            [(2, 2.5, "two"), (3, -0.25, "three")])
        conn.commit()
        say("inserted")
        cur = conn.execute(f"SELECT id, v, name FROM {stream};")
        say("pulled", columns=[d.name for d in cur.description], rows=[described(r) for r in cur.fetchall()])
        cur = conn.execute(f"SELECT name FROM {stream} WHERE id = %s;", (2,))
        say("pulled-where", rows=[described(r) for r in cur.fetchall()])


def stream_rows(port, query, n, after):
    # cursor.stream(): the extended protocol in single-row mode; rows arrive as the server sends them.
    with connect(port, autocommit=True) as conn:
        got = 0
        for row in conn.cursor().stream(query):
            say("row", **described(row))
            got += 1
            if got == n:
                break  # psycopg cancels the rest of the query and drains it
        say("stopped")
        say("after", rows=[list(r) for r in conn.execute(after).fetchall()])


def named_cursor(port, query, n, itersize, after):
    # A server-side cursor: DECLARE "c" CURSOR FOR ..., then FETCH FORWARD itersize FROM "c".
    with connect(port, autocommit=False) as conn:
        with conn.cursor(name="c") as cur:
            cur.itersize = itersize
            cur.execute(query)
            got = 0
            for row in cur:
                say("row", **described(row))
                got += 1
                if got == n:
                    break
        say("closed")
        conn.rollback()
        say("after", rows=[list(r) for r in conn.execute(after).fetchall()])


def cancel(port, query, after):
    with connect(port, autocommit=True) as conn:
        def on_command():
            for line in sys.stdin:
                if line.strip() == "cancel":
                    conn.cancel()
                    return
        threading.Thread(target=on_command, daemon=True).start()
        try:
            conn.execute(query).fetchall()
            say("no-error")
        except psycopg.Error as e:
            say("error", **error_fields(e))
        say("after", rows=[list(r) for r in conn.execute(after).fetchall()])


def syntax_error(port, query, after):
    with connect(port, autocommit=True) as conn:
        try:
            conn.execute(query)
            say("no-error")
        except psycopg.Error as e:
            say("error", **error_fields(e))
        say("after", rows=[list(r) for r in conn.execute(after).fetchall()])


def copy_in(port, stream, rows):
    # cursor.copy(): COPY ... FROM STDIN, rows written in Postgres's text format by psycopg.
    with connect(port, autocommit=True) as conn:
        with conn.cursor() as cur:
            with cur.copy(f"COPY {stream} (id, v, name) FROM STDIN") as copy:
                for r in rows:
                    copy.write_row(r)
            say("copied", rowcount=cur.rowcount)
        try:
            with conn.cursor() as cur:
                with cur.copy(f"COPY {stream} FROM STDIN") as copy:
                    copy.write_row((99, 9.5, "never"))
                    raise RuntimeError("the writer gave up")
        except RuntimeError:
            pass
        except psycopg.Error as e:
            say("copy-error", **error_fields(e))
        say("after", rows=[list(r) for r in conn.execute(f"SELECT id, v, name FROM {stream};").fetchall()])


def copy_binary(port, stream, rows):
    # cursor.copy() in binary format, the columns' types set as psycopg's docs ask; timestamps as
    # datetimes. Then a row whose int field has the wrong size: the COPY fails, naming the row.
    import datetime
    with connect(port, autocommit=True) as conn:
        with conn.cursor() as cur:
            with cur.copy(f"COPY {stream} (id, v, name, ok, seen) FROM STDIN (FORMAT BINARY)") as copy:
                copy.set_types(["int4", "float8", "text", "bool", "timestamp"])
                for r in rows:
                    at = None if r[4] is None else datetime.datetime.fromisoformat(r[4])
                    copy.write_row((r[0], r[1], r[2], r[3], at))
            say("copied", rowcount=cur.rowcount)
        try:
            with conn.cursor() as cur:
                with cur.copy(f"COPY {stream} (id, v, name, ok, seen) FROM STDIN (FORMAT BINARY)") as copy:
                    copy.set_types(["int8", "float8", "text", "bool", "timestamp"])
                    copy.write_row((100, 1.0, "wrong size", True, None))
        except psycopg.Error as e:
            say("copy-error", **error_fields(e))
        got = conn.execute(f"SELECT id, v, name, ok, CAST(seen AS STRING) FROM {stream};").fetchall()
        say("after", rows=[list(r) for r in got])


def copy_out_binary(port, query, types):
    # COPY (query) TO STDOUT (FORMAT BINARY), read with copy.rows() after set_types (psycopg's
    # docs: binary COPY needs the types); values as Python types, made JSON for the test.
    import base64
    with connect(port, autocommit=True) as conn:
        with conn.cursor() as cur:
            rows = []
            with cur.copy(f"COPY ({query}) TO STDOUT (FORMAT BINARY)") as copy:
                copy.set_types(types)
                for r in copy.rows():
                    rows.append([v.isoformat() if hasattr(v, "isoformat") else str(v) if type(v).__name__ == "Decimal"
                                 else base64.b64encode(v).decode() if isinstance(v, (bytes, bytearray, memoryview)) else v for v in r])
            say("copied-out", rows=rows, rowcount=cur.rowcount)


SCENARIOS = {"basics": basics, "copy-in": copy_in, "copy-binary": copy_binary, "copy-out-binary": copy_out_binary, "stream": stream_rows, "named-cursor": named_cursor,
             "cancel": cancel, "syntax-error": syntax_error}


def main():
    port, scenario, options = int(sys.argv[1]), sys.argv[2], json.loads(sys.argv[3])
    if scenario not in SCENARIOS:
        raise SystemExit(f"unknown scenario {scenario}; one of {', '.join(SCENARIOS)}")
    SCENARIOS[scenario](port, **options)


if __name__ == "__main__":
    main()
