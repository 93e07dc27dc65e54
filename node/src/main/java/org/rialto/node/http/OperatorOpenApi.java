package org.rialto.node.http;

/**
 * The OpenAPI 3 description of the operators' API (operator listener only), next to its routes.
 * Every route but sign-in needs {@code Authorization: Bearer <token>}; the role each needs is in
 * its summary. Four-eyes changes answer 202 with the pending change.
 */
final class OperatorOpenApi {
  private OperatorOpenApi() {}

  static String document(String nodeId) {
    return """
        {
          "openapi": "3.0.3",
          "info": {"title": "Rialto node %s: operators' API", "version": "0.1.0",
            "description": "Served on the operator listener (operatorListen), never to banks. Sign in with POST /v1/admin/session; send the token as Authorization: Bearer. Roles: VIEWER reads; OPERATOR approves releases and rejects cases; SUPERVISOR confirms releases, proposes and approves credit lines, closes the day, moves liquidity; ADMINISTRATOR also adds participants' approvals and manages operators. Four eyes: the proposer of a change or the first approver of a release can never complete it. Five wrong passwords lock an account for 15 minutes; sessions last 8 hours."},
          "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
              "Change": {"type": "object", "properties": {"id": {"type": "string"}, "kind": {"type": "string", "enum": ["CHANGE_CREDIT_LINE", "ADD_PARTICIPANT", "ADD_FX_PROVIDER"]}, "subject": {"type": "string"}, "details": {"type": "string", "description": "JSON object"}, "state": {"type": "string", "enum": ["PENDING", "COMPLETED", "REJECTED"]}, "proposedBy": {"type": "string"}, "proposedAt": {"type": "string", "format": "date-time"}, "expiresAt": {"type": "string", "format": "date-time"}, "decidedBy": {"type": "string"}, "decidedAt": {"type": "string", "format": "date-time"}}},
              "Error": {"type": "object", "properties": {"error": {"type": "string"}, "reasonCode": {"type": "string"}}}
            }
          },
          "security": [{"bearer": []}],
          "paths": {
            "/v1/admin/session": {
              "post": {"summary": "Sign in (no session needed)", "security": [], "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["name", "password"], "properties": {"name": {"type": "string"}, "password": {"type": "string", "format": "password"}}}}}}, "responses": {"201": {"description": "token, csrfToken, expiresAt"}, "403": {"description": "wrong name or password, or locked"}}},
              "delete": {"summary": "Sign out", "responses": {"200": {"description": "signed out"}}}},
            "/v1/admin/whoami": {"get": {"summary": "The signed-in operator and role", "responses": {"200": {"description": "operator, role, expiresAt"}}}},
            "/v1/admin/operators": {"get": {"summary": "Operator accounts (ADMINISTRATOR)", "responses": {"200": {"description": "accounts, without hashes"}}}, "post": {"summary": "Create an operator (ADMINISTRATOR)", "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["name", "role", "password"], "properties": {"name": {"type": "string"}, "role": {"type": "string", "enum": ["VIEWER", "OPERATOR", "SUPERVISOR", "ADMINISTRATOR"]}, "password": {"type": "string", "minLength": 12}}}}}}, "responses": {"201": {"description": "created"}}}},
            "/v1/admin/participants": {"post": {"summary": "Propose a participant (SUPERVISOR; an ADMINISTRATOR approves)", "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["bic", "name", "country"], "properties": {"bic": {"type": "string"}, "name": {"type": "string"}, "country": {"type": "string"}, "creditLine": {"type": "string"}}}}}}, "responses": {"202": {"description": "pending change", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Change"}}}}}}},
            "/v1/admin/participants/{bic}/credit-line": {"put": {"summary": "Propose a credit line (SUPERVISOR; another SUPERVISOR approves)", "parameters": [{"name": "bic", "in": "path", "required": true, "schema": {"type": "string"}}], "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["creditLine"], "properties": {"creditLine": {"type": "string", "example": "5000000.00"}}}}}}, "responses": {"202": {"description": "pending change", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Change"}}}}}}},
            "/v1/admin/fx-providers": {"post": {"summary": "Propose a participant as FX provider (SUPERVISOR; an ADMINISTRATOR approves); kept in the FX journal", "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["bic"], "properties": {"bic": {"type": "string"}}}}}}, "responses": {"202": {"description": "pending change", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Change"}}}}}}},
            "/v1/admin/changes": {"get": {"summary": "Pending changes (VIEWER); ?status=all for decided ones too", "responses": {"200": {"description": "changes", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Change"}}}}}}}},
            "/v1/admin/changes/{id}/approve": {"post": {"summary": "Approve and apply (a different operator with the approver role)", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}], "responses": {"200": {"description": "applied"}, "422": {"description": "refused: same person, role, expired or decided (AG01)"}}}},
            "/v1/admin/changes/{id}/reject": {"post": {"summary": "Turn a change down (a different operator with the approver role)", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}], "responses": {"200": {"description": "turned down"}}}},
            "/v1/admin/cases": {"get": {"summary": "Compliance cases (VIEWER); ?status=all", "responses": {"200": {"description": "cases with their evidence"}}}},
            "/v1/admin/cases/{uetr}/release": {"post": {"summary": "Approve (OPERATOR) or confirm (SUPERVISOR, another person) the release of a held payment", "parameters": [{"name": "uetr", "in": "path", "required": true, "schema": {"type": "string"}}], "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["reason"], "properties": {"reason": {"type": "string"}}}}}}, "responses": {"200": {"description": "awaiting-second-operator or released"}, "422": {"description": "refused"}}}},
            "/v1/admin/cases/{uetr}/reject": {"post": {"summary": "Reject a held payment (OPERATOR)", "parameters": [{"name": "uetr", "in": "path", "required": true, "schema": {"type": "string"}}], "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["reason"], "properties": {"reason": {"type": "string"}, "reasonCode": {"type": "string", "default": "RR04"}}}}}}, "responses": {"200": {"description": "rejected"}}}},
            "/v1/admin/liquidity": {"post": {"summary": "Inject or withdraw central-bank liquidity (SUPERVISOR)", "responses": {"200": {"description": "done"}}}},
            "/v1/admin/day-close": {"post": {"summary": "Close a business day: snapshots and camt.053 (SUPERVISOR)", "responses": {"200": {"description": "statements produced"}}}},
            "/v1/admin/payments/{uetr}": {"get": {"summary": "Any payment with its history (VIEWER)", "parameters": [{"name": "uetr", "in": "path", "required": true, "schema": {"type": "string"}}], "responses": {"200": {"description": "payment"}}}},
            "/v1/admin/accounts": {"get": {"summary": "Every settlement account (VIEWER)", "responses": {"200": {"description": "accounts"}}}},
            "/v1/admin/queues": {"get": {"summary": "Queue depth by priority (VIEWER)", "responses": {"200": {"description": "depths"}}}},
            "/v1/admin/invariants": {"get": {"summary": "Check the ledger invariants now (VIEWER)", "responses": {"200": {"description": "hold"}, "500": {"description": "broken"}}}},
            "/metrics": {"get": {"summary": "Prometheus metrics (no session: for the scraper on the operators' network)", "security": [], "responses": {"200": {"description": "text exposition format"}}}}
          }
        }
        """.formatted(nodeId);
  }
}
