using LicenseAllocation.Application.Users;

namespace LicenseAllocation.Web.Api;

/// <summary>The role is a name (ProvinceAdmin, DistrictOfficer, UnitViewer, Auditor); the scope unit only for the scoped roles.</summary>
public sealed record CreateUserRequest(string? UserName, string? Password, string? Role, int? ScopeUnitId);

public sealed record PasswordResetRequest(string? Password);

public sealed record UserDto(string Id, string UserName, string? Role, int? ScopeUnitId, string? ScopeUnitName, bool Disabled)
{
    internal static UserDto From(UserView user) =>
        new(user.Id, user.UserName, user.Role?.ToString(), user.ScopeUnitId, user.ScopeUnitName, user.Disabled);
}
