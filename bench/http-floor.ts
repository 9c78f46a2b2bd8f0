/**
 * The floor `npm run bench:http` compares the API with: bare Express answering GET /media/:id with
 * one primary-key SELECT through `pg`, in a process of its own. Started by bench/http.ts.
 */
import express from 'express';
import pg from 'pg';

const [port, databaseUrl] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
const app = express();
app.get('/media/:id', async (request, response) => {
  const { rows } = await pool.query(
    'SELECT id, filename, content_type, status, public_url FROM media WHERE id = $1',
    [request.params.id],
  );
  response.json(rows[0] ?? null);
});
app.listen(Number(port), '127.0.0.1', () => process.stdout.write('ready\n'));
