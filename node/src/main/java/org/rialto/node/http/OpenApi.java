package org.rialto.node.http;

/**
 * The OpenAPI 3 description of the bank-facing and operator API, kept next to the routes it
 * describes so a route change and its documentation travel in one commit.
 */
final class OpenApi {
  private OpenApi() {}

  static String document(String nodeId, String currency) {
    return """
        {
          "openapi": "3.0.3",
          "info": {
            "title": "Rialto node %s (%s)",
            "version": "0.1.0",
            "description": "Bank-facing API of a Rialto node: real-time gross settlement in %s. Banks connect over TLS 1.3 with a client certificate issued by this node's CA (the certificate is the caller's identity) and sign every request body with a detached JWS (RFC 7515/7797, unencoded payload) in X-JWS-Signature, made with that certificate's key; every answer is signed the same way with the node's key. Operators use a separate listener with its own API (operatorListen, /openapi.json there). Payments are visible in exactly these states: RECEIVED, QUEUED, HELD, SETTLED, REJECTED (with an ISO 20022 reason code) and RETURNED."
          },
          "components": {
            "parameters": {
              "Signature": {"name": "X-JWS-Signature", "in": "header", "required": false, "schema": {"type": "string", "maxLength": 4096}, "description": "detached JWS over the exact body (header..signature; protected header alg, b64=false, crit=[b64], kid=certificate serial, iat, mid); required on every request with a body"},
              "Uetr": {"name": "uetr", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}
            },
            "schemas": {
              "Party": {"type": "object", "additionalProperties": false, "description": "A customer with its FATF R16 data, carried to the receiving node of a cross-border payment. Values follow the ISO 20022 schema (IBAN, country codes, LEI, BIC, lengths).", "properties": {"name": {"type": "string", "maxLength": 140}, "account": {"type": "string", "maxLength": 34, "description": "account number outside the IBAN scheme"}, "iban": {"type": "string"}, "address": {"type": "object", "additionalProperties": false, "properties": {"street": {"type": "string", "maxLength": 70}, "buildingNumber": {"type": "string", "maxLength": 16}, "postCode": {"type": "string", "maxLength": 16}, "town": {"type": "string", "maxLength": 35}, "country": {"type": "string", "pattern": "^[A-Z]{2}$"}, "lines": {"type": "array", "maxItems": 7, "items": {"type": "string", "maxLength": 70}}}}, "countryOfResidence": {"type": "string", "pattern": "^[A-Z]{2}$"}, "organisation": {"type": "boolean", "description": "the ids name an organisation (implied by lei or bic)"}, "lei": {"type": "string"}, "bic": {"type": "string"}, "birth": {"type": "object", "required": ["date", "city", "country"], "properties": {"date": {"type": "string", "format": "date"}, "city": {"type": "string", "maxLength": 35}, "country": {"type": "string", "pattern": "^[A-Z]{2}$"}}}, "ids": {"type": "array", "maxItems": 4, "items": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string", "maxLength": 35}, "scheme": {"type": "string", "pattern": "^[A-Z]{1,4}$", "description": "NIDN, CUST, CCPT, TXID..."}, "issuer": {"type": "string", "maxLength": 35}}}}}},
              "PaymentInstruction": {
                "type": "object",
                "required": ["uetr", "debtorAgent", "creditorAgent", "amount", "currency"],
                "properties": {
                  "uetr": {"type": "string", "format": "uuid", "description": "UUID v4; idempotency key forever"},
                  "msgId": {"type": "string", "maxLength": 35, "description": "defaults to the UETR for a single payment"},
                  "endToEndId": {"type": "string", "maxLength": 35},
                  "debtorAgent": {"type": "string", "description": "BIC of the paying bank; must be the caller"},
                  "creditorAgent": {"type": "string", "description": "BIC of the receiving bank"},
                  "amount": {"type": "string", "example": "1500.00", "description": "decimal in the currency's major unit"},
                  "currency": {"type": "string", "example": "%s"},
                  "priority": {"type": "string", "enum": ["URGENT", "HIGH", "NORMAL"], "description": "URGENT is for the central bank"},
                  "rejectTime": {"type": "string", "format": "date-time", "description": "if still queued then, the payment is rejected (AB03)"},
                  "debtor": {"$ref": "#/components/schemas/Party"},
                  "creditor": {"$ref": "#/components/schemas/Party"},
                  "remittance": {"type": "string", "maxLength": 140}
                }
              },
              "PaymentBatch": {
                "type": "object", "required": ["msgId", "payments"],
                "properties": {"msgId": {"type": "string"}, "payments": {"type": "array", "maxItems": 1000, "items": {"$ref": "#/components/schemas/PaymentInstruction"}}}
              },
              "Outcome": {"type": "object", "properties": {"uetr": {"type": "string"}, "state": {"type": "string", "enum": ["RECEIVED", "QUEUED", "HELD", "SETTLED", "REJECTED", "RETURNED"]}, "reasonCode": {"type": "string"}}},
              "SubmitResult": {"type": "object", "properties": {"msgId": {"type": "string"}, "duplicateMessage": {"type": "boolean"}, "payments": {"type": "array", "items": {"$ref": "#/components/schemas/Outcome"}}}},
              "Payment": {"type": "object", "properties": {"uetr": {"type": "string"}, "msgId": {"type": "string"}, "endToEndId": {"type": "string"}, "debtorAgent": {"type": "string"}, "creditorAgent": {"type": "string"}, "amount": {"type": "string"}, "currency": {"type": "string"}, "priority": {"type": "string"}, "state": {"type": "string"}, "reasonCode": {"type": "string"}, "valueDate": {"type": "string", "format": "date"}, "receivedAt": {"type": "string", "format": "date-time"}, "updatedAt": {"type": "string", "format": "date-time"}}},
              "Account": {"type": "object", "properties": {"bic": {"type": "string"}, "currency": {"type": "string"}, "balance": {"type": "string"}, "reserved": {"type": "string"}, "creditLine": {"type": "string"}, "available": {"type": "string"}, "queuedCount": {"type": "integer"}, "queued": {"type": "string"}}},
              "InboxMessage": {"type": "object", "properties": {"id": {"type": "integer", "description": "stable; dedupe on it"}, "kind": {"type": "string", "example": "pacs.002"}, "uetr": {"type": "string"}, "detail": {"type": "string"}, "createdAtMillis": {"type": "integer"}}},
              "Error": {"type": "object", "properties": {"error": {"type": "string"}, "reasonCode": {"type": "string", "description": "ISO 20022 status reason code"}}}
            }
          },
          "paths": {
            "/v1/payments": {"post": {"summary": "Submit one payment or a batch (same idempotency rules as pacs.008)", "parameters": [{"$ref": "#/components/parameters/Signature"}],
              "requestBody": {"required": true, "content": {"application/json": {"schema": {"oneOf": [{"$ref": "#/components/schemas/PaymentInstruction"}, {"$ref": "#/components/schemas/PaymentBatch"}]}}}},
              "responses": {"200": {"description": "state of every payment after the node's decision", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SubmitResult"}}}}, "400": {"description": "malformed", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}, "422": {"description": "refused", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}, "503": {"description": "node overloaded or stopped; retry with the same UETR"}}}},
            "/v1/payments/{uetr}": {"get": {"summary": "A payment the caller is party to", "parameters": [{"$ref": "#/components/parameters/Signature"}, {"$ref": "#/components/parameters/Uetr"}], "responses": {"200": {"description": "the payment", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Payment"}}}}, "422": {"description": "unknown or not the caller's (NOOR)"}}}},
            "/v1/payments/{uetr}/cancel": {"post": {"summary": "Cancel a queued payment (only its instructing bank)", "parameters": [{"$ref": "#/components/parameters/Signature"}, {"$ref": "#/components/parameters/Uetr"}], "responses": {"200": {"description": "cancelled: true when it was still queued; REJECTED with CUST"}}}},
            "/v1/payments/{uetr}/priority": {"post": {"summary": "Re-order a queued payment", "parameters": [{"$ref": "#/components/parameters/Signature"}, {"$ref": "#/components/parameters/Uetr"}], "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"priority": {"type": "string", "enum": ["URGENT", "HIGH", "NORMAL"]}, "toFront": {"type": "boolean"}}}}}}, "responses": {"200": {"description": "re-ordered"}}}},
            "/v1/payments/{uetr}/return": {"post": {"summary": "Return a settled payment (only the creditor's bank; pacs.004)", "parameters": [{"$ref": "#/components/parameters/Signature"}, {"$ref": "#/components/parameters/Uetr"}], "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["returnUetr"], "properties": {"returnUetr": {"type": "string"}, "amount": {"type": "string"}, "reasonCode": {"type": "string"}}}}}}, "responses": {"200": {"description": "RETURNED"}}}},
            "/v1/accounts/{bic}": {"get": {"summary": "The caller's settlement account", "parameters": [{"$ref": "#/components/parameters/Signature"}, {"name": "bic", "in": "path", "required": true, "schema": {"type": "string"}}], "responses": {"200": {"description": "balances", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Account"}}}}}}},
            "/v1/messages": {"get": {"summary": "The caller's durable inbox, long polling; at-least-once", "parameters": [{"$ref": "#/components/parameters/Signature"}, {"name": "after", "in": "query", "schema": {"type": "integer"}}, {"name": "waitMillis", "in": "query", "schema": {"type": "integer", "maximum": 30000}}, {"name": "limit", "in": "query", "schema": {"type": "integer", "maximum": 1000}}, {"name": "xml", "in": "query", "description": "false: states only, without the ISO 20022 documents", "schema": {"type": "boolean", "default": true}}], "responses": {"200": {"description": "messages after the cursor and the next cursor", "content": {"application/json": {"schema": {"type": "object", "properties": {"messages": {"type": "array", "items": {"$ref": "#/components/schemas/InboxMessage"}}, "next": {"type": "integer"}}}}}}}}},
            "/health/live": {"get": {"summary": "process is up", "responses": {"200": {"description": "up"}}}},
            "/health/ready": {"get": {"summary": "writer running and store reachable", "responses": {"200": {"description": "ready"}, "503": {"description": "not ready"}}}}
          }
        }
        """.formatted(nodeId, currency, currency, currency);
  }
}
