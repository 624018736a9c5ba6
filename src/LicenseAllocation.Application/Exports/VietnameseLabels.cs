using LicenseAllocation.Application.Districts;
using LicenseAllocation.Domain.Units;

namespace LicenseAllocation.Application.Exports;

/// <summary>
/// The Vietnamese words for unit kinds and allocation states, as the portal shows them. Workbooks are official
/// documents and always Vietnamese; the pages take their Vietnamese side from here too, so the two never drift apart.
/// </summary>
public static class VietnameseLabels
{
    public const string Inactive = "Ngừng hoạt động";

    public static string Kind(UnitKind kind) => kind switch
    {
        UnitKind.Province => "Tỉnh",
        UnitKind.ProvincialAgency => "Cơ quan cấp tỉnh",
        UnitKind.DistrictGroup => "Khối UBND cấp huyện",
        UnitKind.DistrictCommittee => "UBND cấp huyện",
        UnitKind.DistrictAgency => "Cơ quan cấp huyện",
        UnitKind.CommuneCommittee => "UBND cấp xã",
        _ => kind.ToString(),
    };

    public static string Status(AllocationStatus status) => status switch
    {
        AllocationStatus.FullyAllocated => "Đã phân bổ hết",
        AllocationStatus.PartlyAllocated => "Phân bổ một phần",
        _ => "Chưa phân bổ",
    };
}
