using LicenseAllocation.Application.Identity;
using LicenseAllocation.Domain.Units;

namespace LicenseAllocation.Application.Users;

/// <summary>A new account as the administrator typed it; the role is a name so that a wrong one is explained, not rejected by binding.</summary>
public sealed record NewUser(string? UserName, string? Password, string? Role, int? ScopeUnitId);

/// <summary>An account as the administrator sees it. <see cref="Role"/> is null only for an account created outside the portal without a role.</summary>
public sealed record UserView(string Id, string UserName, PortalRole? Role, int? ScopeUnitId, string? ScopeUnitName, bool Disabled);

/// <summary>A unit a user can be scoped to, with its parent's name so that two communes of the same name can be told apart.</summary>
public sealed record ScopeUnitOption(int Id, string Name, UnitKind Kind, string? ParentName);
