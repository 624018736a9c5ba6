using LicenseAllocation.Application.Identity;
using LicenseAllocation.Web.Localization;

namespace LicenseAllocation.Web.Components.Users;

internal static class PortalRoleText
{
    public static string Of(PortalRole? role) => role switch
    {
        PortalRole.ProvinceAdmin => Ui.T("Quản trị cấp tỉnh", "Province administrator"),
        PortalRole.DistrictOfficer => Ui.T("Cán bộ cấp huyện", "District officer"),
        PortalRole.UnitViewer => Ui.T("Người xem của đơn vị", "Unit viewer"),
        PortalRole.Auditor => Ui.T("Kiểm tra viên", "Auditor"),
        _ => Ui.T("(chưa có vai trò)", "(no role)"),
    };
}
