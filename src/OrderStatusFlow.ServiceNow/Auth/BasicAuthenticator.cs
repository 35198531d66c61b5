using System.Net.Http.Headers;
using System.Text;

namespace OrderStatusFlow.ServiceNow.Auth;

/// <summary>Basic auth with the integration user.</summary>
sealed class BasicAuthenticator(ServiceNowOptions options) : IAuthenticator
{
    readonly AuthenticationHeaderValue _header =
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.User}:{options.Password}")));

    public bool CanRefresh => false;

    public Task<AuthenticationHeaderValue> GetHeaderAsync(CancellationToken cancellationToken) => Task.FromResult(_header);

    public void Invalidate(string? rejected)
    {
    }

    public string DescribeRejection() =>
        $"ServiceNow refused the credentials of user '{options.User}' (401 User Not Authenticated): check OSF_SERVICENOW_USER and " +
        "OSF_SERVICENOW_PASSWORD, that the user is active and not locked out, and that it may use web services " +
        "(uncheck 'Internal Integration User' restrictions only if they block REST)";
}
