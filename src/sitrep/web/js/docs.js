// Start the vendored Swagger UI on this server's OpenAPI document (kept out of the HTML: the CSP allows no inline script).
window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
