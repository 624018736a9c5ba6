using LicenseAllocation.Domain.Units;

namespace LicenseAllocation.Application.Import;

/// <summary>
/// The words the template is written with and the importer reads it by: labels beside the plan and unit codes, the
/// table's column headings and its total row. The importer finds them by their text (compared as <see cref="Key"/>
/// does), never by position, so that a file re-saved by another office suite, with rows or columns moved, still reads.
/// </summary>
public static class TemplateLayout
{
    public const string SheetName = "Phân bổ";
    public const string Title = "MẪU PHÂN BỔ BẢN QUYỀN PHẦN MỀM PHÒNG CHỐNG MÃ ĐỘC";

    public const string PlanLabel = "Kế hoạch";
    public const string PlanCodeLabel = "Mã kế hoạch";
    public const string UnitLabel = "Đơn vị phân bổ";
    public const string UnitCodeLabel = "Mã đơn vị phân bổ";
    public const string QuotaLabel = "Số lượng được giao";
    public const string RemainingLabel = "Còn lại chưa phân bổ";
    public const string InstructionsLabel = "Hướng dẫn";

    public const string NumberHeader = "STT";
    public const string CodeHeader = "Mã đơn vị";
    public const string NameHeader = "Tên đơn vị";
    public const string QuantityHeader = "Số lượng";

    /// <summary>The optional column of each unit's need, next to the quantity; a file without it imports quantities only.</summary>
    public const string NeedHeader = "Số máy tính cần bảo vệ";
    public const string TotalLabel = "TỔNG CỘNG";

    private static readonly string _codeKey = Key(CodeHeader);
    private static readonly string _nameKey = Key(NameHeader);
    private static readonly string _quantityKey = Key(QuantityHeader);
    private static readonly string _needKey = Key(NeedHeader);

    /// <summary>Text as compared: Unicode NFC, runs of white space folded, any case, without a trailing colon or asterisk.</summary>
    public static string Key(string text) => UnitName.MatchKey(text ?? string.Empty).TrimEnd(':', '*', ' ');

    public static bool IsCodeHeader(string key) => key == _codeKey;

    public static bool IsNameHeader(string key) => key == _nameKey;

    public static bool IsNeedHeader(string key) => key == _needKey;

    /// <summary>"Số lượng", and longer headings that begin with it, as the appendix's "Số lượng bản quyền được phân bổ".</summary>
    public static bool IsQuantityHeader(string key) =>
        key == _quantityKey || (key.StartsWith(_quantityKey, StringComparison.Ordinal) && key.Length > _quantityKey.Length && key[_quantityKey.Length] is ' ' or '(');

    public static bool IsExactQuantityHeader(string key) => key == _quantityKey;
}
