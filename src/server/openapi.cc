// The OpenAPI 3.0 document served at GET /openapi.json. Hand-written to match the handlers
// in server.cc; tests/server validates real responses against its schemas.
#include "server/openapi.h"

namespace tamiz::server {

std::string_view OpenApiJson() {
  static constexpr std::string_view kDoc = R"openapi({
 "openapi": "3.0.3",
 "info": {
  "title": "tamiz screening API",
  "version": "0.1.0",
  "description": "Sanctions, PEP and adverse-media screening. POST /match is compatible with yente. Errors are {\"error\": {\"code\", \"message\"}}. See docs/API.md."
 },
 "servers": [
  {
   "url": "http://127.0.0.1:8080"
  }
 ],
 "security": [
  {
   "bearerAuth": []
  }
 ],
 "paths": {
  "/match/{dataset}": {
   "post": {
    "summary": "Screen up to 500 FtM example entities (yente-compatible)",
    "parameters": [
     {
      "name": "dataset",
      "in": "path",
      "required": true,
      "description": "'default' for every loaded list, or one dataset name (GET /lists)",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "limit",
      "in": "query",
      "description": "Results per query (default 5)",
      "required": false,
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 500
      }
     },
     {
      "name": "threshold",
      "in": "query",
      "description": "Match threshold in [0,1] (default 0.8)",
      "required": false,
      "schema": {
       "type": "number",
       "minimum": 0,
       "maximum": 1
      }
     },
     {
      "name": "algorithm",
      "in": "query",
      "description": "Accepted for yente compatibility; tamiz has one matcher",
      "required": false,
      "schema": {
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/MatchRequest"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "One response per query key",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/MatchResponse"
        }
       }
      }
     },
     "400": {
      "description": "Malformed JSON, too deeply nested, unknown schema or bad property",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "404": {
      "description": "Unknown dataset",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "413": {
      "description": "Body too large or more than 500 queries",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "401": {
      "description": "Missing or wrong API key (when keys are configured)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "503": {
      "description": "Lists not loaded yet, or the server is at capacity (Retry-After)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/search/{dataset}": {
   "get": {
    "summary": "Screen one name (same shape as `tamiz screen --json`)",
    "parameters": [
     {
      "name": "dataset",
      "in": "path",
      "required": true,
      "description": "'default' for every loaded list, or one dataset name (GET /lists)",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "q",
      "in": "query",
      "description": "Name to screen",
      "required": true,
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "schema",
      "in": "query",
      "description": "Person, Organization, Company, LegalEntity, Vessel, Airplane or Thing",
      "required": false,
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "limit",
      "in": "query",
      "description": "Maximum results (default 10)",
      "required": false,
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 500
      }
     },
     {
      "name": "threshold",
      "in": "query",
      "description": "Match threshold in [0,1] (default 0.8)",
      "required": false,
      "schema": {
       "type": "number",
       "minimum": 0,
       "maximum": 1
      }
     },
     {
      "name": "dob",
      "in": "query",
      "description": "Birth date YYYY, YYYY-MM or YYYY-MM-DD; repeatable",
      "required": false,
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "country",
      "in": "query",
      "description": "Country (ISO code or name); repeatable",
      "required": false,
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "gender",
      "in": "query",
      "description": "male or female",
      "required": false,
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "id",
      "in": "query",
      "description": "Identifier number; repeatable",
      "required": false,
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "Ranked hits with explanations",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ScreenResult"
        }
       }
      }
     },
     "400": {
      "description": "Missing q, unknown schema or bad parameter",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "404": {
      "description": "Unknown dataset",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "401": {
      "description": "Missing or wrong API key (when keys are configured)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "503": {
      "description": "Lists not loaded yet, or the server is at capacity (Retry-After)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/entities/{id}": {
   "get": {
    "summary": "One listed entity with its relations in both directions",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "description": "Entity id, e.g. us_ofac_sdn:24424",
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "The entity",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Entity"
        }
       }
      }
     },
     "404": {
      "description": "Unknown entity",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "401": {
      "description": "Missing or wrong API key (when keys are configured)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "503": {
      "description": "Lists not loaded yet, or the server is at capacity (Retry-After)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/entities/{id}/network": {
   "get": {
    "summary": "The network around an entity up to a depth",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "description": "Entity id",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "depth",
      "in": "query",
      "description": "Hops from the entity (default 1)",
      "required": false,
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 4
      }
     }
    ],
    "responses": {
     "200": {
      "description": "Nodes and edges",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Network"
        }
       }
      }
     },
     "400": {
      "description": "Bad depth",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "404": {
      "description": "Unknown entity",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "401": {
      "description": "Missing or wrong API key (when keys are configured)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "503": {
      "description": "Lists not loaded yet, or the server is at capacity (Retry-After)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/scan": {
   "post": {
    "summary": "Find listed parties, person names and risk topics in free text",
    "parameters": [
     {
      "name": "payment",
      "in": "query",
      "description": "1: payment free text (strip party labels)",
      "required": false,
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "html",
      "in": "query",
      "description": "1: the body is HTML (also implied by Content-Type text/html)",
      "required": false,
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "threshold",
      "in": "query",
      "description": "Mention threshold in [0,1]",
      "required": false,
      "schema": {
       "type": "number"
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "text/plain": {
       "schema": {
        "type": "string"
       }
      },
      "text/html": {
       "schema": {
        "type": "string"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "Mentions, persons and topics",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ScanResult"
        }
       }
      }
     },
     "400": {
      "description": "Empty body or invalid UTF-8",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "413": {
      "description": "Text larger than 1 MiB",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "401": {
      "description": "Missing or wrong API key (when keys are configured)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "503": {
      "description": "Lists not loaded yet, or the server is at capacity (Retry-After)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/lists": {
   "get": {
    "summary": "Loaded lists: dataset, date, entities, age, SHA-256",
    "responses": {
     "200": {
      "description": "Loaded lists",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Lists"
        }
       }
      }
     },
     "401": {
      "description": "Missing or wrong API key (when keys are configured)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "503": {
      "description": "Lists not loaded yet, or the server is at capacity (Retry-After)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/healthz": {
   "get": {
    "summary": "Liveness: 200 while the process serves HTTP (never needs a key)",
    "security": [],
    "responses": {
     "200": {
      "description": "Alive",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Health"
        }
       }
      }
     }
    }
   }
  },
  "/readyz": {
   "get": {
    "summary": "Readiness: 200 once the lists are loaded (never needs a key)",
    "security": [],
    "responses": {
     "200": {
      "description": "Ready",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Ready"
        }
       }
      }
     },
     "503": {
      "description": "Loading or failed",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Ready"
        }
       }
      }
     }
    }
   }
  },
  "/metrics": {
   "get": {
    "summary": "Prometheus text exposition format 0.0.4",
    "responses": {
     "200": {
      "description": "Metrics",
      "content": {
       "text/plain": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "401": {
      "description": "Missing or wrong API key (when keys are configured)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/openapi.json": {
   "get": {
    "summary": "This document",
    "responses": {
     "200": {
      "description": "OpenAPI 3.0 document",
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      }
     },
     "401": {
      "description": "Missing or wrong API key (when keys are configured)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/admin/reload": {
   "post": {
    "summary": "Reload the lists without downtime (needs an API key)",
    "responses": {
     "200": {
      "description": "Reloaded",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Reload"
        }
       }
      }
     },
     "403": {
      "description": "No API keys configured: admin routes are disabled",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "409": {
      "description": "A reload is already running",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "500": {
      "description": "Reload failed; the previous lists keep serving",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "401": {
      "description": "Missing or wrong API key (when keys are configured)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "503": {
      "description": "Lists not loaded yet, or the server is at capacity (Retry-After)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  }
 },
 "components": {
  "schemas": {
   "Error": {
    "type": "object",
    "properties": {
     "error": {
      "type": "object",
      "properties": {
       "code": {
        "type": "string"
       },
       "message": {
        "type": "string"
       }
      },
      "required": [
       "code",
       "message"
      ]
     }
    },
    "required": [
     "error"
    ]
   },
   "Health": {
    "type": "object",
    "properties": {
     "status": {
      "type": "string",
      "enum": [
       "ok"
      ]
     }
    },
    "required": [
     "status"
    ]
   },
   "Ready": {
    "type": "object",
    "properties": {
     "status": {
      "type": "string",
      "enum": [
       "ready",
       "loading",
       "failed"
      ]
     },
     "entities": {
      "type": "integer"
     },
     "lists": {
      "type": "integer"
     },
     "message": {
      "type": "string"
     }
    },
    "required": [
     "status"
    ]
   },
   "ListVersion": {
    "type": "object",
    "properties": {
     "dataset": {
      "type": "string"
     },
     "title": {
      "type": "string"
     },
     "format": {
      "type": "string"
     },
     "date": {
      "type": "string"
     },
     "path": {
      "type": "string"
     },
     "files": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "entity_count": {
      "type": "integer"
     },
     "relation_count": {
      "type": "integer"
     },
     "skipped": {
      "type": "integer"
     },
     "sha256": {
      "type": "string"
     },
     "age_days": {
      "type": "integer",
      "nullable": true
     },
     "stale": {
      "type": "boolean"
     }
    },
    "required": [
     "dataset",
     "format",
     "date",
     "entity_count",
     "sha256",
     "age_days",
     "stale"
    ]
   },
   "Lists": {
    "type": "object",
    "properties": {
     "lists": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/ListVersion"
      }
     }
    },
    "required": [
     "lists"
    ]
   },
   "FeatureExplanation": {
    "type": "object",
    "properties": {
     "score": {
      "type": "number"
     },
     "detail": {
      "type": "string"
     }
    },
    "required": [
     "score",
     "detail"
    ]
   },
   "ScreenQuery": {
    "type": "object",
    "properties": {
     "name": {
      "type": "string"
     },
     "names": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "schema": {
      "type": "string",
      "nullable": true
     },
     "dob": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "country": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "gender": {
      "type": "string"
     },
     "identifiers": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "datasets": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "limit": {
      "type": "integer"
     },
     "threshold": {
      "type": "number"
     }
    },
    "required": [
     "name",
     "schema",
     "limit",
     "threshold"
    ]
   },
   "Hit": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string"
     },
     "dataset": {
      "type": "string"
     },
     "schema": {
      "type": "string"
     },
     "caption": {
      "type": "string"
     },
     "score": {
      "type": "number"
     },
     "match": {
      "type": "boolean"
     },
     "matched_name": {
      "type": "string"
     },
     "query_name": {
      "type": "string"
     },
     "explanation": {
      "type": "object",
      "properties": {},
      "additionalProperties": {
       "$ref": "#/components/schemas/FeatureExplanation"
      }
     },
     "notes": {
      "type": "array",
      "items": {
       "type": "string"
      }
     }
    },
    "required": [
     "id",
     "dataset",
     "schema",
     "caption",
     "score",
     "match",
     "matched_name",
     "explanation"
    ]
   },
   "ScreenResult": {
    "type": "object",
    "properties": {
     "query": {
      "$ref": "#/components/schemas/ScreenQuery"
     },
     "results": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Hit"
      }
     }
    },
    "required": [
     "query",
     "results"
    ]
   },
   "FtmExample": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string"
     },
     "schema": {
      "type": "string"
     },
     "properties": {
      "type": "object",
      "properties": {},
      "additionalProperties": {
       "type": "array",
       "items": {
        "type": "string"
       }
      }
     }
    },
    "required": [
     "schema",
     "properties"
    ]
   },
   "MatchRequest": {
    "type": "object",
    "properties": {
     "queries": {
      "type": "object",
      "properties": {},
      "additionalProperties": {
       "$ref": "#/components/schemas/FtmExample"
      }
     }
    },
    "required": [
     "queries"
    ]
   },
   "MatchResult": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string"
     },
     "caption": {
      "type": "string"
     },
     "schema": {
      "type": "string"
     },
     "datasets": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "properties": {
      "type": "object",
      "properties": {},
      "additionalProperties": {
       "type": "array",
       "items": {
        "type": "string"
       }
      }
     },
     "score": {
      "type": "number"
     },
     "match": {
      "type": "boolean"
     },
     "features": {
      "type": "object",
      "properties": {},
      "additionalProperties": {
       "type": "number"
      }
     },
     "explanations": {
      "type": "object",
      "properties": {},
      "additionalProperties": {
       "$ref": "#/components/schemas/FeatureExplanation"
      }
     },
     "matched_name": {
      "type": "string"
     },
     "notes": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "target": {
      "type": "boolean"
     },
     "referents": {
      "type": "array",
      "items": {
       "type": "string"
      }
     }
    },
    "required": [
     "id",
     "caption",
     "schema",
     "datasets",
     "properties",
     "score",
     "match",
     "features",
     "explanations"
    ]
   },
   "MatchQueryResponse": {
    "type": "object",
    "properties": {
     "status": {
      "type": "integer"
     },
     "query": {
      "$ref": "#/components/schemas/FtmExample"
     },
     "total": {
      "type": "object",
      "properties": {
       "value": {
        "type": "integer"
       },
       "relation": {
        "type": "string",
        "enum": [
         "eq"
        ]
       }
      },
      "required": [
       "value",
       "relation"
      ]
     },
     "results": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/MatchResult"
      }
     }
    },
    "required": [
     "status",
     "query",
     "total",
     "results"
    ]
   },
   "MatchResponse": {
    "type": "object",
    "properties": {
     "responses": {
      "type": "object",
      "properties": {},
      "additionalProperties": {
       "$ref": "#/components/schemas/MatchQueryResponse"
      }
     },
     "limit": {
      "type": "integer"
     }
    },
    "required": [
     "responses"
    ]
   },
   "EntityName": {
    "type": "object",
    "properties": {
     "name": {
      "type": "string"
     },
     "kind": {
      "type": "string"
     },
     "first": {
      "type": "string"
     },
     "middle": {
      "type": "string"
     },
     "last": {
      "type": "string"
     },
     "script": {
      "type": "string"
     }
    },
    "required": [
     "name",
     "kind"
    ]
   },
   "BirthDate": {
    "type": "object",
    "properties": {
     "date": {
      "type": "string"
     },
     "raw": {
      "type": "string"
     },
     "circa": {
      "type": "boolean"
     }
    },
    "required": [
     "date"
    ]
   },
   "Identifier": {
    "type": "object",
    "properties": {
     "type": {
      "type": "string"
     },
     "number": {
      "type": "string"
     },
     "country": {
      "type": "string"
     },
     "note": {
      "type": "string"
     }
    },
    "required": [
     "type",
     "number"
    ]
   },
   "Address": {
    "type": "object",
    "properties": {
     "full": {
      "type": "string"
     },
     "street": {
      "type": "string"
     },
     "city": {
      "type": "string"
     },
     "postal_code": {
      "type": "string"
     },
     "region": {
      "type": "string"
     },
     "country": {
      "type": "string"
     }
    },
    "required": [
     "full"
    ]
   },
   "Relation": {
    "type": "object",
    "properties": {
     "type": {
      "type": "string"
     },
     "source": {
      "type": "string"
     },
     "target": {
      "type": "string",
      "nullable": true
     },
     "source_caption": {
      "type": "string"
     },
     "target_caption": {
      "type": "string"
     },
     "percent": {
      "type": "number"
     },
     "role": {
      "type": "string"
     },
     "provenance": {
      "type": "string"
     }
    },
    "required": [
     "type",
     "source",
     "target"
    ]
   },
   "Entity": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string"
     },
     "dataset": {
      "type": "string"
     },
     "record_id": {
      "type": "string"
     },
     "schema": {
      "type": "string"
     },
     "caption": {
      "type": "string"
     },
     "names": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/EntityName"
      }
     },
     "birth_dates": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/BirthDate"
      }
     },
     "birth_places": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "nationalities": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "citizenships": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "countries": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "gender": {
      "type": "string"
     },
     "identifiers": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Identifier"
      }
     },
     "addresses": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Address"
      }
     },
     "programs": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "topics": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "listed_on": {
      "type": "string"
     },
     "remarks": {
      "type": "string"
     },
     "source_ref": {
      "type": "string"
     },
     "properties": {
      "type": "object",
      "properties": {},
      "additionalProperties": {
       "type": "array",
       "items": {
        "type": "string"
       }
      }
     },
     "relations": {
      "type": "object",
      "properties": {
       "outgoing": {
        "type": "array",
        "items": {
         "$ref": "#/components/schemas/Relation"
        }
       },
       "incoming": {
        "type": "array",
        "items": {
         "$ref": "#/components/schemas/Relation"
        }
       }
      },
      "required": [
       "outgoing",
       "incoming"
      ]
     }
    },
    "required": [
     "id",
     "dataset",
     "schema",
     "caption",
     "names",
     "properties",
     "relations"
    ]
   },
   "Network": {
    "type": "object",
    "properties": {
     "root": {
      "type": "string"
     },
     "depth": {
      "type": "integer"
     },
     "nodes": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "id": {
         "type": "string"
        },
        "caption": {
         "type": "string"
        },
        "schema": {
         "type": "string"
        },
        "dataset": {
         "type": "string"
        },
        "listed": {
         "type": "boolean"
        }
       },
       "required": [
        "id"
       ]
      }
     },
     "edges": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "source": {
         "type": "string"
        },
        "target": {
         "type": "string",
         "nullable": true
        },
        "type": {
         "type": "string"
        }
       },
       "required": [
        "source",
        "type"
       ]
      }
     }
    },
    "required": [
     "root",
     "nodes",
     "edges"
    ]
   },
   "ScanResult": {
    "type": "object",
    "properties": {
     "mentions": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "text": {
         "type": "string"
        },
        "start": {
         "type": "integer"
        },
        "end": {
         "type": "integer"
        },
        "entity": {
         "type": "object",
         "properties": {
          "id": {
           "type": "string"
          },
          "caption": {
           "type": "string"
          },
          "score": {
           "type": "number"
          }
         },
         "required": [
          "id"
         ]
        }
       },
       "required": [
        "text",
        "start",
        "end"
       ]
      }
     },
     "persons": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "name": {
         "type": "string"
        },
        "start": {
         "type": "integer"
        },
        "end": {
         "type": "integer"
        },
        "listed": {
         "type": "boolean"
        }
       },
       "required": [
        "name",
        "start",
        "end"
       ]
      }
     },
     "topics": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "topic": {
         "type": "string"
        },
        "score": {
         "type": "number"
        },
        "evidence": {
         "type": "array",
         "items": {
          "type": "object",
          "properties": {
           "sentence": {
            "type": "string"
           },
           "start": {
            "type": "integer"
           },
           "end": {
            "type": "integer"
           }
          }
         }
        }
       },
       "required": [
        "topic"
       ]
      }
     },
     "text": {
      "type": "string"
     },
     "language": {
      "type": "string"
     }
    },
    "required": [
     "mentions",
     "persons",
     "topics"
    ]
   },
   "Reload": {
    "type": "object",
    "properties": {
     "status": {
      "type": "string",
      "enum": [
       "reloaded"
      ]
     },
     "took_ms": {
      "type": "integer"
     },
     "lists": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/ListVersion"
      }
     }
    },
    "required": [
     "status",
     "took_ms",
     "lists"
    ]
   }
  },
  "securitySchemes": {
   "bearerAuth": {
    "type": "http",
    "scheme": "bearer",
    "description": "Required only when the server runs with --api-key-file"
   }
  }
 }
})openapi";
  return kDoc;
}

}  // namespace tamiz::server
