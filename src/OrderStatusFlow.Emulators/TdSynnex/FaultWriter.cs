using System.Security;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace OrderStatusFlow.Emulators.TdSynnex;

/// <summary>Turns a scripted <see cref="TdSynnexFault"/> into what goes on the wire.</summary>
internal static class FaultWriter
{
    public static async Task ApplyAsync(HttpContext context, string endpoint, TdSynnexFault fault, string real, string poNumber, string request)
    {
        switch (fault.Kind)
        {
            case TdSynnexFaultKind.ErrorMessage:
                var message = fault.Message ?? "SYNNEX XML Server is not Available";
                var detail = fault.Detail ?? message;
                await TdSynnexResponder.WriteXml(context, 200, endpoint == "status"
                    ? TdSynnexResponder.ErrorXml(message, detail)
                    : InvoiceXmlWriter.Error(poNumber, message, detail));
                break;
            case TdSynnexFaultKind.BizError:
                await TdSynnexResponder.WriteXml(context, 200,
                    $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<SynnexB2B>\n  <BizError>\n    <detail>{SecurityElement.Escape(fault.Message ?? "Business error")}</detail>\n  </BizError>\n</SynnexB2B>\n");
                break;
            case TdSynnexFaultKind.Malformed:
                await TdSynnexResponder.WriteXml(context, 200,
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<SynnexB2B version=\"2.7\">\n  <OrderStatusResponse>\n    <Code>accepted</Code>\n    <Items><Item lineNumber=1><Code>accepted</Item>\n  </OrderStatusResponse>\n</SynnexB2B>\n");
                break;
            case TdSynnexFaultKind.Truncated:
                await TdSynnexResponder.WriteXml(context, 200, real[..(real.Length / 2)]);
                break;
            case TdSynnexFaultKind.Html:
                context.Response.StatusCode = fault.StatusCode ?? 503;
                context.Response.ContentType = "text/html; charset=utf-8";
                var title = fault.Message ?? "503 Service Temporarily Unavailable";
                await context.Response.WriteAsync(
                    $"<!DOCTYPE html>\n<html><head><title>{SecurityElement.Escape(title)}</title></head>\n<body><h1>{SecurityElement.Escape(title)}</h1><p>The server is temporarily unable to service your request.</p></body></html>\n",
                    context.RequestAborted);
                break;
            case TdSynnexFaultKind.HttpStatus:
                context.Response.StatusCode = fault.StatusCode ?? 500;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(fault.Message ?? "Internal Server Error", context.RequestAborted);
                break;
            case TdSynnexFaultKind.Reset:
                context.Abort();
                break;
            case TdSynnexFaultKind.Slow:
                await Task.Delay(fault.DelayMs, context.RequestAborted);
                await TdSynnexResponder.WriteXml(context, 200, real);
                break;
            case TdSynnexFaultKind.InvoiceNotAvailable:
                await TdSynnexResponder.WriteXml(context, 200, InvoiceXmlWriter.NotAvailable(poNumber));
                break;
            case TdSynnexFaultKind.Raw:
                context.Response.StatusCode = fault.StatusCode ?? 200;
                context.Response.ContentType = fault.ContentType ?? "text/xml; charset=utf-8";
                await context.Response.WriteAsync(fault.Body ?? "", context.RequestAborted);
                break;
            case TdSynnexFaultKind.OtherPo:
                await TdSynnexResponder.WriteXml(context, 200, real);
                break;
            case TdSynnexFaultKind.WrongCustomer:
                await TdSynnexResponder.WriteXml(context, 200, Regex.Replace(real, "<CustomerNumber>[^<]*</CustomerNumber>",
                    $"<CustomerNumber>{SecurityElement.Escape(fault.Customer ?? "999999")}</CustomerNumber>"));
                break;
            case TdSynnexFaultKind.EntityDeclaration:
                await TdSynnexResponder.WriteXml(context, 200,
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE SynnexB2B [\n  <!ENTITY a \"aaaaaaaaaa\">\n  <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n" +
                    "  <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n  <!ENTITY ext SYSTEM \"file:///etc/passwd\">\n]>\n" +
                    $"<SynnexB2B><OrderStatusResponse><PONumber>{SecurityElement.Escape(poNumber)}</PONumber><Code>&c;&ext;</Code></OrderStatusResponse></SynnexB2B>\n");
                break;
            case TdSynnexFaultKind.Oversize:
                context.Response.StatusCode = 200;
                context.Response.ContentType = "text/xml; charset=utf-8";
                await context.Response.WriteAsync(real.Replace("</SynnexB2B>", ""), context.RequestAborted);
                var padding = "<!-- " + new string('x', 8180) + " -->\n";
                for (var written = real.Length; written < fault.SizeBytes; written += padding.Length)
                    await context.Response.WriteAsync(padding, context.RequestAborted);
                await context.Response.WriteAsync("</SynnexB2B>\n", context.RequestAborted);
                break;
            case TdSynnexFaultKind.InvalidEncoding:
                context.Response.StatusCode = 200;
                context.Response.ContentType = "text/xml; charset=utf-8";
                var bytes = System.Text.Encoding.UTF8.GetBytes(real).ToList();
                bytes.InsertRange(Math.Max(0, real.IndexOf("<Code>", StringComparison.Ordinal) + 6), [0xC3, 0x28, 0xFF]);
                await context.Response.Body.WriteAsync(bytes.ToArray(), context.RequestAborted);
                break;
            case TdSynnexFaultKind.EchoCredentials:
                var password = Regex.Match(request, "<Password>(.*?)</Password>", RegexOptions.Singleline).Groups[1].Value;
                var plain = System.Net.WebUtility.HtmlDecode(password);
                await TdSynnexResponder.WriteXml(context, 200, endpoint == "status"
                    ? TdSynnexResponder.ErrorXml("XML Server error",
                        $"could not process {request} (password={Uri.EscapeDataString(plain)}, json {Newtonsoft.Json.JsonConvert.ToString(plain)})")
                    : InvoiceXmlWriter.Error(poNumber, "Server error", $"could not process {request} (password={Uri.EscapeDataString(plain)})"));
                break;
            default:
                throw new InvalidOperationException($"Unknown TD SYNNEX fault kind {fault.Kind}.");
        }
    }
}
