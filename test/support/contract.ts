import ajvFormats from 'ajv-formats';
import { type Document, OpenAPIBackend } from 'openapi-backend';

type Responses = Record<string, { content?: Record<string, unknown> }>;

const JSON_TYPES = new Set(['application/json', 'application/problem+json']);

/** A disagreement between an answer of the API and its OpenAPI document. */
export class ContractError extends Error {}

/**
 * The store's OpenAPI document as a check on every answer the tests receive: the operation exists, the status is
 * one it lists, the content type one that status lists, and a JSON body matches its schema (openapi-backend,
 * which compiles the document's schemas with Ajv). A test whose answer and document disagree fails, so neither
 * can drift from the other.
 */
export class ApiContract {
  readonly #api: OpenAPIBackend;

  private constructor(api: OpenAPIBackend) {
    this.#api = api;
  }

  static async of(document: Document): Promise<ApiContract> {
    // Quick: openapi-backend checks a document against the OpenAPI 3.0 schema only; Redocly lints ours (3.1).
    const api = new OpenAPIBackend({
      definition: forValidation(document),
      strict: true,
      quick: true,
      // The document's formats (date-time, email, uri...) are checked too, not skipped with a warning.
      customizeAjv: (ajv) => {
        ajvFormats.default(ajv);
        return ajv;
      },
    });
    await api.init();
    return new ApiContract(api);
  }

  /** Throws a ContractError when `response`, the answer to `request`, is not what the document promises. */
  async check(request: { method: string; url: string }, response: Response): Promise<void> {
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    const what = `${method} ${url.pathname}`;
    const operation = this.#api.router.matchOperation({
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: {},
    });
    // A failure of the store itself is no answer it means to give; the test that caused it says so itself.
    if (response.status >= 500) return;
    if (!operation) {
      // An address the API does not have answers a 404 problem of its own; nothing else may go undocumented.
      if (response.status === 404) return;
      throw new ContractError(`${what} answered ${response.status}, but the document has no such operation`);
    }
    const responses = operation.responses as Responses;
    const documented = responses[String(response.status)] ?? responses.default;
    if (!documented) {
      const listed = Object.keys(responses).join(', ');
      throw new ContractError(`${what} answered ${response.status}; the document lists only ${listed}`);
    }
    const body = await response.clone().text();
    if (body === '' || method === 'HEAD') return;
    const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
    const listedTypes = Object.keys(documented.content ?? {});
    if (!listedTypes.includes(type)) {
      const expected = listedTypes.join(', ') || 'no body';
      throw new ContractError(`${what} answered ${response.status} as ${type}; the document says ${expected}`);
    }
    if (!JSON_TYPES.has(type)) return;
    const result = this.#api.validator.validateResponse(JSON.parse(body), operation, response.status);
    if (result.errors?.length) {
      const problems = result.errors.map((e) => `${e.instancePath || '(body)'} ${e.message}`).join('; ');
      throw new ContractError(
        `${what} answered ${response.status} with a body the document does not allow: ${problems}`,
      );
    }
  }
}

// openapi-backend validates the bodies listed as application/json; a problem document is JSON as well, so the
// copy it reads lists each problem schema under that type too.
function forValidation(document: Document): Document {
  const copy = structuredClone(document);
  for (const item of Object.values(copy.paths ?? {})) {
    for (const operation of Object.values(item ?? {})) {
      const responses = (operation as { responses?: Responses }).responses ?? {};
      for (const response of Object.values(responses)) {
        const content = response.content;
        if (content?.['application/problem+json'] && !content['application/json']) {
          content['application/json'] = content['application/problem+json'];
        }
      }
    }
  }
  return copy;
}
