using LicenseAllocation.Domain.Units;
using LicenseAllocation.Web.Localization;

namespace LicenseAllocation.Web.Components.Allocation;

internal static class UnitKindText
{
    public static string Of(UnitKind kind) => kind switch
    {
        UnitKind.Province => Ui.T("Tỉnh", "Province"),
        UnitKind.ProvincialAgency => Ui.T("Cơ quan cấp tỉnh", "Provincial agency"),
        UnitKind.DistrictGroup => Ui.T("Khối UBND cấp huyện", "District committees"),
        UnitKind.DistrictCommittee => Ui.T("UBND cấp huyện", "District People's Committee"),
        UnitKind.DistrictAgency => Ui.T("Cơ quan cấp huyện", "District agency"),
        UnitKind.CommuneCommittee => Ui.T("UBND cấp xã", "Commune People's Committee"),
        _ => kind.ToString(),
    };
}
