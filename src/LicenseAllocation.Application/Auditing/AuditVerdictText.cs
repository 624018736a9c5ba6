using System.Globalization;

namespace LicenseAllocation.Application.Auditing;

/// <summary>
/// The verdict of the integrity check in words, for the verification panel and the command line: how many rows were
/// checked and, when the chain is broken, which row and what is wrong with it.
/// </summary>
public static class AuditVerdictText
{
    public static string Describe(AuditChainVerdict verdict, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        ArgumentNullException.ThrowIfNull(culture);
        var english = culture.TwoLetterISOLanguageName == "en";
        var count = verdict.Checked.ToString("N0", culture);
        var place = (verdict.FirstBrokenSequence ?? 0).ToString("N0", culture);
        var id = verdict.FirstBrokenId?.ToString(CultureInfo.InvariantCulture);
        return (verdict.Problem, english) switch
        {
            (null, false) => $"Nhật ký toàn vẹn: đã kiểm tra {count} dòng, chuỗi mã băm liên tục từ dòng đầu đến dòng cuối.",
            (null, true) => $"The audit trail is intact: {count} rows checked, the hash chain runs unbroken from the first row to the last.",
            (AuditChainProblem.ContentChanged, false) =>
                $"Nhật ký KHÔNG toàn vẹn: dòng nhật ký số {id} (vị trí {place} trong chuỗi) đã bị sửa sau khi ghi — nội dung không còn khớp với mã băm lưu cùng dòng. Đã kiểm tra {count} dòng.",
            (AuditChainProblem.ContentChanged, true) =>
                $"The audit trail is NOT intact: row {id} (place {place} in the chain) was edited after it was written — its content no longer matches the hash stored with it. {count} rows checked.",
            (AuditChainProblem.ChainBroken, false) =>
                $"Nhật ký KHÔNG toàn vẹn: dòng nhật ký số {id} (vị trí {place} trong chuỗi) không nối tiếp dòng trước nó — dòng trước đó đã bị xóa, bị chèn thêm hoặc bị sửa cả mã băm. Đã kiểm tra {count} dòng.",
            (AuditChainProblem.ChainBroken, true) =>
                $"The audit trail is NOT intact: row {id} (place {place} in the chain) does not follow the row before it — a row before it was deleted, inserted, or rewritten together with its hash. {count} rows checked.",
            (AuditChainProblem.TailMissing, false) =>
                $"Nhật ký KHÔNG toàn vẹn: các dòng cuối của nhật ký, từ vị trí {place}, đã bị xóa (hoặc đầu chuỗi đã bị sửa) — dòng cuối còn lại không phải là dòng mà đầu chuỗi ghi nhận. Đã kiểm tra {count} dòng.",
            (AuditChainProblem.TailMissing, true) =>
                $"The audit trail is NOT intact: the last rows, from place {place}, were deleted (or the chain head was altered) — the last remaining row is not the one the chain head records. {count} rows checked.",
            _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict.Problem, "Unknown problem."),
        };
    }

    /// <summary>The problem as the API names it: <c>content-changed</c>, <c>chain-broken</c>, <c>tail-missing</c>.</summary>
    public static string? ApiCode(AuditChainProblem? problem) => problem switch
    {
        AuditChainProblem.ContentChanged => "content-changed",
        AuditChainProblem.ChainBroken => "chain-broken",
        AuditChainProblem.TailMissing => "tail-missing",
        _ => null,
    };
}
