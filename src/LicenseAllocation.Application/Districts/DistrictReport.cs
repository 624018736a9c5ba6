namespace LicenseAllocation.Application.Districts;

/// <summary>
/// The districts a caller may see in one plan, each with the units it hands its quota on to. <paramref name="Summary"/>
/// heads the summary sheet (the Department's detailed allocation); <paramref name="Headings"/> heads each district's sheet
/// (that district's own decision), by the district's unit id.
/// </summary>
public sealed record DistrictReport(
    string PlanName,
    IReadOnlyList<DistrictWorkspace> Districts,
    DocumentHeading Summary,
    IReadOnlyDictionary<int, DocumentHeading> Headings)
{
    public DocumentHeading HeadingOf(int districtUnitId) => Headings.TryGetValue(districtUnitId, out var heading) ? heading : DocumentHeading.None;
}

/// <summary>
/// What a sheet says of the decision it goes with: the line under its title, "(Kèm theo Công văn số … ngày … của …)",
/// and whether that decision is still a draft (the sheet then prints "DỰ THẢO").
/// </summary>
public sealed record DocumentHeading(string Reference, bool Draft)
{
    public static readonly DocumentHeading None = new(string.Empty, Draft: true);
}
