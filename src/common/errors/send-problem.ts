import type { ServerResponse } from 'node:http';
import type { ApiError } from './api-error.js';
import {
  PROBLEM_CONTENT_TYPE,
  renderProblem,
  resetForProblem,
} from './render-problem.js';

/**
 * Answers with the problem+json rendering of `error`, for handlers outside Nest's router (the
 * metrics endpoint, the worker's probe listener), so they speak the API's one error shape too.
 */
export function sendProblem(response: ServerResponse, error: ApiError): void {
  const header = response.getHeader('X-Request-Id');
  const problem = renderProblem(
    error,
    typeof header === 'string' ? header : '',
  );
  resetForProblem(response);
  for (const [name, value] of Object.entries(problem.headers)) {
    response.setHeader(name, value);
  }
  response.statusCode = problem.status;
  response.setHeader('Content-Type', PROBLEM_CONTENT_TYPE);
  response.end(JSON.stringify(problem.body));
}
