using LicenseAllocation.Domain.Units;

namespace LicenseAllocation.Application.Units;

/// <summary>
/// The specialised offices (cơ quan chuyên môn) of a district-level People's Committee, as Decree 108/2020/NĐ-CP
/// (amending Decree 37/2014/NĐ-CP) organises them. A city or town (thành phố, thị xã) has an Economy office and an Urban
/// Management office where a rural district (huyện) has an Agriculture and Rural Development office and an Economy and
/// Infrastructure office.
/// </summary>
public static class StandardDistrictAgencies
{
    private static readonly string[] Common =
    [
        "Văn phòng HĐND và UBND",
        "Phòng Nội vụ",
        "Phòng Tư pháp",
        "Phòng Tài chính - Kế hoạch",
        "Phòng Tài nguyên và Môi trường",
        "Phòng Lao động - Thương binh và Xã hội",
        "Phòng Văn hóa và Thông tin",
        "Phòng Giáo dục và Đào tạo",
        "Phòng Y tế",
        "Thanh tra",
    ];

    private static readonly string[] RuralDistrict = ["Phòng Nông nghiệp và Phát triển nông thôn", "Phòng Kinh tế và Hạ tầng"];

    private static readonly string[] CityOrTown = ["Phòng Kinh tế", "Phòng Quản lý đô thị"];

    /// <summary>The offices of the district of this name, in the order they are listed.</summary>
    public static IReadOnlyList<string> For(string districtName)
    {
        ArgumentNullException.ThrowIfNull(districtName);
        return [.. Common, .. IsCityOrTown(districtName) ? CityOrTown : RuralDistrict];
    }

    /// <summary>A district-level city or town: its name starts with "Thành phố" or "Thị xã".</summary>
    public static bool IsCityOrTown(string districtName)
    {
        var name = UnitName.Normalize(districtName);
        return name.StartsWith("Thành phố", StringComparison.OrdinalIgnoreCase) || name.StartsWith("Thị xã", StringComparison.OrdinalIgnoreCase);
    }
}
