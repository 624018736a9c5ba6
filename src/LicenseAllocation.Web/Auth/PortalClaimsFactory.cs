using System.Globalization;
using System.Security.Claims;
using LicenseAllocation.Application.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LicenseAllocation.Web.Auth;

/// <summary>
/// Puts the user's scope unit into the principal, cookie and bearer token alike, so every request knows it; and whether
/// the account must change the password the administrator set, or set up two-factor sign-in (<see cref="PasswordChangeGate"/>).
/// </summary>
internal sealed class PortalClaimsFactory(
    UserManager<PortalUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options,
    IOptions<TwoFactorOptions> twoFactor)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.ScopeUnitId is { } scope)
        {
            identity.AddClaim(new Claim(Callers.ScopeUnitClaim, scope.ToString(CultureInfo.InvariantCulture)));
        }

        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(PasswordChangeGate.Claim, "true"));
        }

        if (!user.TwoFactorEnabled && twoFactor.Value.RequireTwoFactorForAdmins
            && identity.HasClaim(Options.ClaimsIdentity.RoleClaimType, nameof(PortalRole.ProvinceAdmin)))
        {
            identity.AddClaim(new Claim(PasswordChangeGate.EnrolmentClaim, "true"));
        }

        return identity;
    }
}
