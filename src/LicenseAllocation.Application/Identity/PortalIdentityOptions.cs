using Microsoft.AspNetCore.Identity;

namespace LicenseAllocation.Application.Identity;

/// <summary>The portal's password and lockout policy, one definition for the host and the tests that check it.</summary>
public static class PortalIdentityOptions
{
    public const int MinimumPasswordLength = 12;

    public static void Apply(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // OWASP ASVS L2 (2.1.1, 2.1.9): length of at least 12, no composition rules.
        options.Password.RequiredLength = MinimumPasswordLength;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 1;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;
        options.User.RequireUniqueEmail = false;
        options.User.AllowedUserNameCharacters = Domain.Text.AccountName.AllowedCharacters;
    }
}
