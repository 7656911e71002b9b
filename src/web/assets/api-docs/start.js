// Renders the API reference from the store's own OpenAPI document with Swagger UI, loaded before this file.
// Kept out of the page: the Content-Security-Policy allows no inline script.
window.addEventListener('DOMContentLoaded', () => {
  window.SwaggerUIBundle({
    url: '/api/openapi.json',
    dom_id: '#api-reference',
    deepLinking: true,
    docExpansion: 'list',
    defaultModelsExpandDepth: 0,
    tryItOutEnabled: false,
    // The store's own validator is the lint in CI; Swagger UI would otherwise send the document to a public one.
    validatorUrl: null,
  });
});
