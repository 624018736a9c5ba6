namespace LicenseAllocation.Application.Import;

/// <summary>
/// A table found in a sheet: its header row and the columns of the unit code (when there is one), name, quantity and
/// need (when there is one: a template downloaded before the need column came has none).
/// </summary>
internal sealed record ImportTable(SheetCells Sheet, int HeaderRow, int? CodeColumn, int NameColumn, int QuantityColumn, int? NeedColumn = null)
{
    /// <summary>
    /// The first row of each sheet that has both a "Tên đơn vị" and a "Số lượng" heading starts that sheet's table. Where
    /// a row has several quantity-like headings, plain "Số lượng" wins, then the leftmost.
    /// </summary>
    public static IReadOnlyList<ImportTable> FindAll(IEnumerable<SheetCells> sheets)
    {
        var tables = new List<ImportTable>();
        foreach (var sheet in sheets)
        {
            foreach (var row in sheet.Rows)
            {
                var keys = sheet.InRow(row).Where(c => c.Cell.Kind == CellKind.Text).Select(c => (c.Column, Key: TemplateLayout.Key(c.Cell.Text))).ToList();
                var name = keys.FirstOrDefault(k => TemplateLayout.IsNameHeader(k.Key)).Column;
                var quantities = keys.Where(k => TemplateLayout.IsQuantityHeader(k.Key)).ToList();
                if (name == 0 || quantities.Count == 0)
                {
                    continue;
                }

                var quantity = quantities.FirstOrDefault(k => TemplateLayout.IsExactQuantityHeader(k.Key)).Column is var exact and > 0 ? exact : quantities[0].Column;
                var code = keys.FirstOrDefault(k => TemplateLayout.IsCodeHeader(k.Key)).Column;
                var need = keys.FirstOrDefault(k => TemplateLayout.IsNeedHeader(k.Key)).Column;
                tables.Add(new ImportTable(sheet, row, code > 0 ? code : null, name, quantity, need > 0 ? need : null));
                break;
            }
        }

        return tables;
    }

    /// <summary>The rows under the header that hold anything in the table's columns, up to the total row ("TỔNG CỘNG"), which ends the table.</summary>
    public IEnumerable<ImportRow> Rows()
    {
        foreach (var row in Sheet.Rows.SkipWhile(r => r <= HeaderRow))
        {
            var code = CodeColumn is { } c ? Sheet[row, c] : null;
            var name = Sheet[row, NameColumn];
            var quantity = Sheet[row, QuantityColumn];
            var need = NeedColumn is { } n ? Sheet[row, n] : null;
            if (name is { IsBlank: false } && (code?.IsBlank ?? true) && TemplateLayout.Key(name.Text) == TemplateLayout.Key(TemplateLayout.TotalLabel))
            {
                yield break;
            }

            if ((code?.IsBlank ?? true) && (name?.IsBlank ?? true) && (quantity?.IsBlank ?? true) && (need?.IsBlank ?? true))
            {
                continue;
            }

            yield return new ImportRow(this, row, code, name, quantity, need);
        }
    }

    public string Letters(ImportField field) => SheetCells.ColumnLetters(field switch
    {
        ImportField.Code => CodeColumn ?? NameColumn,
        ImportField.Name => NameColumn,
        ImportField.Need => NeedColumn ?? QuantityColumn,
        _ => QuantityColumn,
    });
}

/// <summary>One data row of a table, with its cells as stored (null where empty or where the table has no such column).</summary>
internal sealed record ImportRow(ImportTable Table, int Row, CellContent? Code, CellContent? Name, CellContent? Quantity, CellContent? Need = null)
{
    public ImportIssue Issue(ImportErrorCode code, ImportField field) =>
        new(code, Table.Sheet.Name, Row, Table.Letters(field)) { Field = field };
}
