using LicenseAllocation.Application.Identity;
using LicenseAllocation.Domain.Units;

namespace LicenseAllocation.Application.Users;

/// <summary>
/// A new account as the administrator typed it; the role is a name so that a wrong one is explained, not rejected by
/// binding. The person's details are optional. <paramref name="MustChangePassword"/>: the user chooses their own password at
/// first sign-in (the default; off only for an account a tool signs in with).
/// </summary>
public sealed record NewUser(
    string? UserName,
    string? Password,
    string? Role,
    int? ScopeUnitId,
    string? FullName = null,
    string? Position = null,
    string? Phone = null,
    string? Email = null,
    bool MustChangePassword = true);

/// <summary>What the administrator may change on an account: the person's details and the unit it works in (the role stays).</summary>
public sealed record AccountEdit(string? FullName, string? Position, string? Phone, string? Email, int? ScopeUnitId);

/// <summary>What users change on their own account; position and unit are the administrator's to set.</summary>
public sealed record OwnDetails(string? FullName, string? Phone, string? Email);

/// <summary>An account as the administrator sees it. <see cref="Role"/> is null only for an account created outside the portal without a role.</summary>
public sealed record UserView(
    string Id,
    string UserName,
    PortalRole? Role,
    int? ScopeUnitId,
    string? ScopeUnitName,
    bool Disabled,
    string? FullName = null,
    string? Position = null,
    string? Phone = null,
    string? Email = null,
    DateTime? LastSignInAt = null,
    bool MustChangePassword = false,
    bool TwoFactorEnabled = false);

/// <summary>A unit a user can be scoped to, with its parent's name so that two communes of the same name can be told apart.</summary>
public sealed record ScopeUnitOption(int Id, string Name, UnitKind Kind, string? ParentName);
