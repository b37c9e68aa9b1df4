// Swagger UI over this service's own document; no outside validator is called.
SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', validatorUrl: null, deepLinking: true });
