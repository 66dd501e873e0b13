// pgx (Go's most used Postgres driver) against Eddy's Postgres endpoint, driven by
// test/pgwire/clients/pgx.test.ts. Usage: pgxscenario PORT SCENARIO OPTIONS_JSON; prints one JSON
// object per line ({"event": ...}).
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgconn/ctxwatch"
)

func say(event string, fields map[string]any) {
	if fields == nil {
		fields = map[string]any{}
	}
	fields["event"] = event
	b, _ := json.Marshal(fields)
	fmt.Println(string(b))
}

func errorFields(err error) map[string]any {
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		return map[string]any{"sqlstate": pg.Code, "message": pg.Message}
	}
	return map[string]any{"message": err.Error()}
}

type copyOptions struct {
	Stream string  `json:"stream"`
	Rows   [][]any `json:"rows"`
}

// copyFrom: conn.CopyFrom, pgx's bulk load, which sends COPY ... FROM STDIN (FORMAT binary) with
// each value in its column's binary format (pgx learns the columns' types by describing a SELECT
// of them first). Then the rows read back with a pull query.
func copyFrom(ctx context.Context, conn *pgx.Conn, raw json.RawMessage) error {
	var o copyOptions
	if err := json.Unmarshal(raw, &o); err != nil {
		return err
	}
	rows := make([][]any, len(o.Rows))
	for i, r := range o.Rows {
		var seen any
		if r[4] != nil {
			t, err := time.Parse("2006-01-02T15:04:05.000", r[4].(string))
			if err != nil {
				return err
			}
			seen = t
		}
		var id any
		if r[0] != nil {
			id = int32(r[0].(float64))
		}
		rows[i] = []any{id, r[1], r[2], r[3], seen}
	}
	n, err := conn.CopyFrom(ctx, pgx.Identifier{o.Stream}, []string{"id", "v", "name", "ok", "seen"}, pgx.CopyFromRows(rows))
	if err != nil {
		say("copy-error", errorFields(err))
	} else {
		say("copied", map[string]any{"rowcount": n})
	}
	got, err := conn.Query(ctx, `SELECT "id", "v", "name", "ok", CAST("seen" AS STRING) FROM "`+o.Stream+`";`, pgx.QueryExecModeSimpleProtocol)
	if err != nil {
		return err
	}
	out := [][]any{}
	for got.Next() {
		vals, err := got.Values()
		if err != nil {
			return err
		}
		out = append(out, vals)
	}
	if err := got.Err(); err != nil {
		return err
	}
	say("after", map[string]any{"rows": out})
	return nil
}

// query: a pull query with a $1 parameter in pgx's default mode (a cached prepared statement,
// results in binary where pgx knows the type), and a push query read row by row until its LIMIT.
func query(ctx context.Context, conn *pgx.Conn, raw json.RawMessage) error {
	var o struct {
		Stream string  `json:"stream"`
		Min    float64 `json:"min"`
	}
	if err := json.Unmarshal(raw, &o); err != nil {
		return err
	}
	rows, err := conn.Query(ctx, "SELECT id, v, name, ok, seen FROM "+o.Stream+" WHERE v > $1;", o.Min)
	if err != nil {
		return err
	}
	out := [][]any{}
	for rows.Next() {
		var id *int32
		var v *float64
		var name *string
		var ok *bool
		var seen *time.Time
		if err := rows.Scan(&id, &v, &name, &ok, &seen); err != nil {
			return err
		}
		var at any
		if seen != nil {
			at = seen.UTC().Format("2006-01-02T15:04:05.000")
		}
		out = append(out, []any{id, v, name, ok, at})
	}
	if err := rows.Err(); err != nil {
		return err
	}
	say("pulled", map[string]any{"rows": out})
	var n int
	// Push queries start at the end of the stream (as ksqlDB's): this one reads it from the start.
	if _, err := conn.Exec(ctx, "SET 'auto.offset.reset' = 'earliest';"); err != nil {
		return err
	}
	push, err := conn.Query(ctx, "SELECT id FROM "+o.Stream+" EMIT CHANGES LIMIT 2;")
	if err != nil {
		return err
	}
	for push.Next() {
		n++
	}
	if err := push.Err(); err != nil {
		return err
	}
	say("pushed", map[string]any{"count": n})
	return nil
}

// live: a push query without LIMIT read as its rows arrive (the test inserts them once the
// query runs), then cancelled through its context after `rows` rows (a CancelRequest, see main);
// the connection then runs another query.
func live(ctx context.Context, conn *pgx.Conn, raw json.RawMessage) error {
	var o struct {
		Stream string `json:"stream"`
		Rows   int    `json:"rows"`
	}
	if err := json.Unmarshal(raw, &o); err != nil {
		return err
	}
	qctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// Query returns once the first message after Bind is flushed: the test inserts rows once the
	// push query runs on the server.
	say("querying", nil)
	rows, err := conn.Query(qctx, "SELECT id FROM "+o.Stream+" EMIT CHANGES;")
	if err != nil {
		return err
	}
	got := []int32{}
	for rows.Next() {
		var id int32
		if err := rows.Scan(&id); err != nil {
			return err
		}
		got = append(got, id)
		say("row", map[string]any{"id": id})
		if len(got) == o.Rows {
			cancel()
		}
	}
	fields := map[string]any{"ids": got}
	if err := rows.Err(); err != nil {
		fields["error"] = errorFields(err)
	}
	say("ended", fields)
	var one int
	if err := conn.QueryRow(ctx, "SELECT 1;").Scan(&one); err != nil {
		say("after", map[string]any{"error": errorFields(err), "closed": conn.IsClosed()})
		return nil
	}
	say("after", map[string]any{"one": one})
	return nil
}

var scenarios = map[string]func(context.Context, *pgx.Conn, json.RawMessage) error{
	"copy-from": copyFrom,
	"query":     query,
	"live":      live,
}

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: pgxscenario PORT SCENARIO OPTIONS_JSON")
		os.Exit(2)
	}
	port, _ := strconv.Atoi(os.Args[1])
	run, ok := scenarios[os.Args[2]]
	if !ok {
		fmt.Fprintln(os.Stderr, "unknown scenario", os.Args[2])
		os.Exit(2)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	config, err := pgx.ParseConfig(fmt.Sprintf("postgres://eddy@127.0.0.1:%d/eddy?sslmode=disable", port))
	if err != nil {
		say("error", errorFields(err))
		os.Exit(1)
	}
	// A cancelled context sends a CancelRequest and keeps the connection (pgx's default closes it
	// at once, whatever the server does).
	config.BuildContextWatcherHandler = func(c *pgconn.PgConn) ctxwatch.Handler {
		return &pgconn.CancelRequestContextWatcherHandler{Conn: c, CancelRequestDelay: 0, DeadlineDelay: 5 * time.Second}
	}
	conn, err := pgx.ConnectConfig(ctx, config)
	if err != nil {
		say("error", errorFields(err))
		os.Exit(1)
	}
	defer conn.Close(context.Background())
	if err := run(ctx, conn, json.RawMessage(os.Args[3])); err != nil {
		say("error", errorFields(err))
		os.Exit(1)
	}
}
