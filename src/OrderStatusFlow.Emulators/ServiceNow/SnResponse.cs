using System.Text;
using Newtonsoft.Json.Linq;

namespace OrderStatusFlow.Emulators.ServiceNow;

/// <summary>An answer of the emulated instance, before it is written to HTTP or into a batch item.</summary>
sealed record SnResponse(int Status, string Body, string ContentType = "application/json;charset=UTF-8")
{
    public Dictionary<string, string> Headers { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public byte[] BodyBytes => Encoding.UTF8.GetBytes(Body);

    public static SnResponse Json(int status, JToken body) => new(status, body.ToString(Newtonsoft.Json.Formatting.None));

    /// <summary>The error envelope every Table/Batch API error uses.</summary>
    public static SnResponse Error(int status, string message, string? detail) => Json(status, new JObject
    {
        ["error"] = new JObject { ["message"] = message, ["detail"] = detail is null ? JValue.CreateNull() : detail },
        ["status"] = "failure",
    });

    public static SnResponse NotFound() => Error(404, "No Record found", "Record doesn't exist or ACL restricts the record retrieval");

    public static SnResponse BadPath() => Error(400, "Requested URI does not represent any resource", null);

    public static SnResponse TransactionCancelled() => Error(500, "Transaction cancelled: maximum execution time exceeded",
        "Transaction cancelled: maximum execution time exceeded. Check logs for error trace.");

    public static SnResponse Unavailable() => new(503, "<html><body><h1>503 Service Unavailable</h1></body></html>", "text/html");

    public static SnResponse Hibernating() => new(200,
        "<!DOCTYPE html><html><head><title>Instance Hibernating page</title></head><body>" +
        "<p>Your instance is hibernating. Log in to the developer portal to wake it up.</p></body></html>",
        "text/html;charset=UTF-8");

    public static string StatusText(int status) => status switch
    {
        200 => "OK", 201 => "Created", 204 => "No Content", 400 => "Bad Request", 401 => "Unauthorized",
        403 => "Forbidden", 404 => "Not Found", 429 => "Too Many Requests", 500 => "Internal Server Error",
        503 => "Service Unavailable", _ => "Status " + status,
    };
}
