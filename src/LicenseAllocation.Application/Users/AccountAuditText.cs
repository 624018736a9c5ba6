using LicenseAllocation.Application.Identity;

namespace LicenseAllocation.Application.Users;

/// <summary>
/// What an account change says in the audit trail, in Vietnamese like every description there: who the account is, and
/// for a new one its role and unit. A password never appears, not even in part.
/// </summary>
public static class AccountAuditText
{
    public static string Created(string userName, PortalRole role, string? scopeUnitName) =>
        scopeUnitName is null
            ? $"Tạo tài khoản \"{userName}\", vai trò {RoleName(role)}"
            : $"Tạo tài khoản \"{userName}\", vai trò {RoleName(role)}, đơn vị phụ trách \"{scopeUnitName}\"";

    public static string Disabled(string? userName) => $"Khóa tài khoản \"{userName}\"";

    public static string PasswordReset(string? userName) => $"Đặt lại mật khẩu của tài khoản \"{userName}\"";

    public static string RoleName(PortalRole role) => role switch
    {
        PortalRole.ProvinceAdmin => "Quản trị cấp tỉnh",
        PortalRole.DistrictOfficer => "Cán bộ cấp huyện",
        PortalRole.UnitViewer => "Người xem của đơn vị",
        PortalRole.Auditor => "Kiểm tra viên",
        _ => role.ToString(),
    };
}
