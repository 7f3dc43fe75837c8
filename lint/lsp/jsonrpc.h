/* JSON-RPC 2.0 over the LSP base protocol: messages framed by a
 * "Content-Length: N\r\n" header block, read from one file descriptor and
 * written to another. */
#pragma once

#include <glib.h>
#include <json-c/json.h>

/* The error codes the JSON-RPC 2.0 specification and LSP 3.17 define. */
enum {
    VL_RPC_PARSE_ERROR = -32700,
    VL_RPC_INVALID_REQUEST = -32600,
    VL_RPC_METHOD_NOT_FOUND = -32601,
    VL_RPC_INVALID_PARAMS = -32602,
    VL_RPC_INTERNAL_ERROR = -32603,
    VL_RPC_SERVER_NOT_INITIALIZED = -32002,
    VL_RPC_REQUEST_FAILED = -32803,
};

typedef enum {
    VL_RPC_MESSAGE,     /* *MESSAGE is the parsed body */
    VL_RPC_BAD_JSON,    /* a well-framed body that is not JSON: answer -32700 */
    VL_RPC_END,         /* end of input, or framing that cannot be followed */
} VlRpcRead;

typedef struct VlRpc VlRpc;

VlRpc *vl_rpc_new(int in_fd, int out_fd);
void vl_rpc_free(VlRpc *rpc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VlRpc, vl_rpc_free)

/* Read the next message.  A message larger than the limit, or headers
 * without a Content-Length, cannot be skipped reliably: the stream ends. */
VlRpcRead vl_rpc_read(VlRpc *rpc, json_object **message);

/* Write MESSAGE (a complete JSON-RPC object; consumed). */
void vl_rpc_write(VlRpc *rpc, json_object *message);
/* Answer request ID with RESULT (consumed; NULL is JSON null). */
void vl_rpc_respond(VlRpc *rpc, json_object *id, json_object *result);
/* Answer request ID (NULL: null, when the id could not be read) with an error. */
void vl_rpc_respond_error(VlRpc *rpc, json_object *id, int code, const char *message);
/* Send a notification (PARAMS consumed). */
void vl_rpc_notify(VlRpc *rpc, const char *method, json_object *params);
