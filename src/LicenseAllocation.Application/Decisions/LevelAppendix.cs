using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Appendix;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Decisions;

/// <summary>
/// The appendix of one level's decision, in the layout of the plan's appendix (Decree 30/2020/NĐ-CP): "Phụ lục", the
/// title, "(Kèm theo … số … ngày … của …)", one row per active unit of the level with its licences, the total.
/// </summary>
internal static class LevelAppendix
{
    public const string DetailedTitle = "DANH SÁCH PHÂN BỔ CHI TIẾT BẢN QUYỀN PHẦN MỀM PHÒNG CHỐNG MÃ ĐỘC CHO UBND CÁC HUYỆN, THÀNH PHỐ";
    public const string UnitTitle = "DANH SÁCH CÁC CƠ QUAN, ĐƠN VỊ ĐƯỢC PHÂN BỔ BẢN QUYỀN PHẦN MỀM PHÒNG CHỐNG MÃ ĐỘC";

    /// <summary>The level as it stands now in <paramref name="db"/>'s transaction, under <paramref name="reference"/>.</summary>
    public static async Task<AppendixDocument> BuildAsync(AllocationDbContext db, int planId, int issuingUnitId, UnitKind kind, string reference, CancellationToken ct)
    {
        var rows = (await PlanTreeQuery.Rows(db, planId, parentUnitId: issuingUnitId).ToListAsync(ct))
            .Where(n => n.IsActive)
            .OrderBy(n => n.Order).ThenBy(n => n.UnitId)
            .Select((n, i) => new AppendixRow(i + 1, n.Name, n.Quantity))
            .ToList();
        return new AppendixDocument(
            string.Empty,
            string.Empty,
            AppendixQuery.Label,
            kind == UnitKind.DistrictGroup ? DetailedTitle : UnitTitle,
            reference,
            AppendixQuery.Columns,
            rows,
            AppendixQuery.TotalLabel,
            rows.Sum(r => r.Quantity),
            kind == UnitKind.DistrictGroup ? AppendixQuery.Note : string.Empty);
    }

    /// <summary>The reference line of a level still in draft: number and day left for the clerk.</summary>
    public static string DraftReference(AllocationPlan plan, LevelDecisionView level) =>
        LevelDecision.DraftAppendixReferenceOf(DecisionLevels.DocumentKindOf(level.IssuingUnitKind), plan.Year, level.IssuingBody ?? level.IssuingUnitName);
}
