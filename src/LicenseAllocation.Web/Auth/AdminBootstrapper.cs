using System.Security.Cryptography;
using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Seeding;
using LicenseAllocation.Application.Users;
using LicenseAllocation.Domain.Auditing;
using Microsoft.AspNetCore.Identity;

namespace LicenseAllocation.Web.Auth;

/// <summary>
/// Creates the first province administrator, <c>admin</c>, once. The password comes from <c>Bootstrap:AdminPassword</c>;
/// without it a random one is generated and written once to the console, the only place it ever appears. The account is
/// audited like any other, by the system, in the transaction that creates it.
/// </summary>
internal sealed class AdminBootstrapper(
    UserManager<PortalUser> users,
    RoleManager<IdentityRole> roles,
    AllocationDbContext db,
    TimeProvider clock,
    IConfiguration configuration,
    ILogger<AdminBootstrapper> logger)
{
    public const string AdminUserName = "admin";
    public const string PasswordKey = "Bootstrap:AdminPassword";

    public async Task EnsureAdminAsync(CancellationToken cancellationToken)
    {
        foreach (var role in Enum.GetNames<PortalRole>())
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (await users.FindByNameAsync(AdminUserName) is not null)
        {
            return;
        }

        var configured = configuration[PasswordKey];
        var password = string.IsNullOrEmpty(configured) ? GeneratePassword() : configured;
        var admin = new PortalUser { UserName = AdminUserName, LockoutEnabled = true };

        // The user manager saves through this scope's context, so the account, its role and its audit row commit together.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            Check(await users.CreateAsync(admin, password));
            Check(await users.AddToRoleAsync(admin, nameof(PortalRole.ProvinceAdmin)));
            var description = AccountAuditText.Created(AdminUserName, PortalRole.ProvinceAdmin, null) + " (tài khoản quản trị đầu tiên, tạo khi khởi tạo hệ thống)";
            await AuditTrail.AppendAsync(
                db,
                AuditEntry.Event(null, null, Plan2020Seeder.SystemActor, clock.GetUtcNow().UtcDateTime, AuditAction.UserCreated, description, Guid.NewGuid()),
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        if (string.IsNullOrEmpty(configured))
        {
            // Deliberately to the console and not to the log sinks, so the password is not kept in log files.
            Console.WriteLine($"Tài khoản quản trị đầu tiên / First administrator: {AdminUserName}  Mật khẩu / Password: {password}");
        }

        logger.LogInformation("Created the first administrator account {UserName}", AdminUserName);
    }

    private static string GeneratePassword()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        return string.Create(20, alphabet, static (span, chars) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = chars[RandomNumberGenerator.GetInt32(chars.Length)];
            }
        });
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Could not create the first administrator: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
