using System.DirectoryServices.Protocols;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Options;

namespace LicenseAllocation.Web.Auth;

/// <summary>The <c>Authentication:Ldap</c> section: the province's directory (OpenLDAP or Active Directory) that checks passwords.</summary>
public sealed class LdapOptions
{
    public const string Section = "Authentication:Ldap";

    /// <summary><c>ldap://host:389</c> or <c>ldaps://host:636</c>; empty: no directory, the portal's own passwords only.</summary>
    public string? Url { get; set; }

    /// <summary>
    /// The name the portal binds as, with <c>{0}</c> for the user name as typed (escaped as a DN value):
    /// <c>uid={0},ou=people,dc=dongthap,dc=gov,dc=vn</c> for OpenLDAP, <c>{0}@dongthap.gov.vn</c> for Active Directory.
    /// </summary>
    public string UserDnTemplate { get; set; } = "uid={0}";

    /// <summary>How long a bind may take before the directory counts as unavailable.</summary>
    public int TimeoutSeconds { get; set; } = 5;

    public bool Enabled => !string.IsNullOrWhiteSpace(Url);
}

/// <summary>What the directory said of a user name and password.</summary>
internal enum DirectoryVerdict
{
    Accepted,
    Refused,
    Unavailable,
}

/// <summary>
/// Checks a password by binding to the province's directory as the user (System.DirectoryServices.Protocols, LDAP v3,
/// simple bind). The directory only proves who the person is: the account, its role and scope are the portal's, found
/// by the same user name. An empty password is refused before any bind (an LDAP server takes it as an anonymous bind).
/// </summary>
internal sealed class LdapDirectory(IOptionsMonitor<LdapOptions> options, ILogger<LdapDirectory> logger)
{
    private const int InvalidCredentials = 49;

    public bool Enabled => options.CurrentValue.Enabled;

    public async Task<DirectoryVerdict> CheckAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (!settings.Enabled || string.IsNullOrEmpty(password) || string.IsNullOrWhiteSpace(userName))
        {
            return DirectoryVerdict.Refused;
        }

        var address = new Uri(settings.Url!);
        var secure = string.Equals(address.Scheme, "ldaps", StringComparison.OrdinalIgnoreCase);
        var port = address.IsDefaultPort || address.Port < 0 ? (secure ? 636 : 389) : address.Port;
        var dn = string.Format(CultureInfo.InvariantCulture, settings.UserDnTemplate, EscapeDnValue(userName));
        var timeout = TimeSpan.FromSeconds(Math.Max(1, settings.TimeoutSeconds));
        try
        {
            // The bind is synchronous in the library: off the request's thread, bounded by the timeout.
            return await Task.Run(() =>
            {
                using var connection = new LdapConnection(new LdapDirectoryIdentifier(address.Host, port), new NetworkCredential(dn, password), AuthType.Basic)
                {
                    Timeout = timeout,
                };
                connection.SessionOptions.ProtocolVersion = 3;
                connection.SessionOptions.SecureSocketLayer = secure;
                connection.Bind();
                return DirectoryVerdict.Accepted;
            }, cancellationToken).WaitAsync(timeout + TimeSpan.FromSeconds(1), cancellationToken);
        }
        catch (LdapException e) when (e.ErrorCode == InvalidCredentials)
        {
            return DirectoryVerdict.Refused;
        }
        catch (Exception e) when (e is LdapException or DirectoryOperationException or TimeoutException or InvalidOperationException)
        {
            logger.LogError("The directory at {Url} did not answer a sign-in: {Problem}", settings.Url, e.Message);
            return DirectoryVerdict.Unavailable;
        }
    }

    /// <summary>A DN attribute value as RFC 4514 writes it: the special characters, and a leading '#' or space, escaped.</summary>
    public static string EscapeDnValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is ',' or '+' or '"' or '\\' or '<' or '>' or ';' or '=' || (i == 0 && c is '#' or ' ') || (i == value.Length - 1 && c == ' '))
            {
                text.Append('\\');
            }

            text.Append(c);
        }

        return text.ToString();
    }
}
