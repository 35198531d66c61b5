using System.Net.Http.Headers;

namespace OrderStatusFlow.ServiceNow.Auth;

/// <summary>Supplies the <c>Authorization</c> header of every API call.</summary>
/// <remarks>Throws <see cref="Core.Domain.SyncException"/> (Configuration) when credentials are refused.</remarks>
interface IAuthenticator
{
    /// <summary>Whether a 401 can be cured by getting a fresh credential (OAuth) once.</summary>
    bool CanRefresh { get; }

    Task<AuthenticationHeaderValue> GetHeaderAsync(CancellationToken cancellationToken);

    /// <summary>Drops the cached credential, if it is still <paramref name="rejected"/>, so the next call fetches a new one.</summary>
    void Invalidate(string? rejected);

    /// <summary>What a 401 means for this kind of login, and how to fix it.</summary>
    string DescribeRejection();
}
