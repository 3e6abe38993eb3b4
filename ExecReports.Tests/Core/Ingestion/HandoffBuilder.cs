using System.Text;

namespace ExecReports.Tests.Core.Ingestion;

// Composes a handoff note; Bytes() applies the encoding quirks (BOM, CRLF) a real editor might add.
public sealed class HandoffBuilder
{
    private readonly List<(string Key, string Value)> _frontMatter = [];
    private readonly List<string> _body = [];
    private bool _bom;
    private bool _crlf;

    public HandoffBuilder FrontMatter(string key, string value)
    {
        _frontMatter.Add((key, value));
        return this;
    }

    public HandoffBuilder Title(string title) => Line($"# {title}").Line("");

    public HandoffBuilder Section(string heading, params string[] items)
    {
        Line($"## {heading}").Line("");
        foreach (var item in items)
        {
            Line($"- {item}");
        }

        return Line("");
    }

    public HandoffBuilder Items(params string[] items)
    {
        foreach (var item in items)
        {
            Line($"- {item}");
        }

        return Line("");
    }

    public HandoffBuilder Line(string text)
    {
        _body.Add(text);
        return this;
    }

    public HandoffBuilder WithBom()
    {
        _bom = true;
        return this;
    }

    public HandoffBuilder WithCrlf()
    {
        _crlf = true;
        return this;
    }

    public string Text()
    {
        var lines = new List<string>();
        if (_frontMatter.Count > 0)
        {
            lines.Add("---");
            lines.AddRange(_frontMatter.Select(f => $"{f.Key}: {f.Value}"));
            lines.Add("---");
        }

        lines.AddRange(_body);
        return string.Join(_crlf ? "\r\n" : "\n", lines) + (_crlf ? "\r\n" : "\n");
    }

    public byte[] Bytes()
    {
        var text = Encoding.UTF8.GetBytes(Text());
        return _bom ? [0xEF, 0xBB, 0xBF, .. text] : text;
    }
}
