using LicenseAllocation.Application.Data;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace LicenseAllocation.Web.Hosting;

/// <summary>
/// Where the data-protection keys (which encrypt sign-in cookies, bearer tokens and antiforgery tokens) are kept:
/// <c>DataProtection:Store</c> = <c>FileSystem</c> (the default: the folder <c>DataProtection:KeysPath</c>) or
/// <c>Database</c> (the table <c>DataProtectionKeys</c> of the portal's database), so that instances behind one load
/// balancer read each other's cookies and tokens without a shared folder. Applied after every other configuration of
/// the key manager, so it holds whatever else registers a key folder.
/// </summary>
internal static class PortalDataProtection
{
    public const string StoreKey = "DataProtection:Store";
    public const string FileSystem = "FileSystem";
    public const string Database = "Database";
    public static readonly string[] Stores = [FileSystem, Database];

    public static bool KeysInDatabase(IConfiguration configuration) =>
        string.Equals(configuration[StoreKey], Database, StringComparison.OrdinalIgnoreCase);

    public static void AddPortalDataProtection(this WebApplicationBuilder builder)
    {
        if (!KeysInDatabase(builder.Configuration))
        {
            return;
        }

        builder.Services.AddSingleton<IPostConfigureOptions<KeyManagementOptions>>(services => new PostConfigureOptions<KeyManagementOptions>(
            Options.DefaultName,
            options => options.XmlRepository = new EntityFrameworkCoreXmlRepository<AllocationDbContext>(services, services.GetRequiredService<ILoggerFactory>())));
    }
}
