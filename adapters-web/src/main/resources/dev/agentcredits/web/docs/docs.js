// Swagger UI over this server's own OpenAPI document. No validator badge: it would call another
// host, which the page's Content-Security-Policy forbids.
window.ui = SwaggerUIBundle({
  url: "/api/v1/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  validatorUrl: null,
  tryItOutEnabled: false,
  persistAuthorization: false,
});
