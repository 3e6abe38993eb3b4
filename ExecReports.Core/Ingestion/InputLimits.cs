namespace ExecReports.Core.Ingestion;

// Bounds that keep one broken or hostile file from exhausting the stack, the CPU or a page. The parsers behind them
// (YamlDotNet's node tree, Markdig's renderer) recurse, so depth is checked before they see the text.
public static class InputLimits
{
    // Collections inside collections, in front matter and in the catalog (the sample catalog needs 4).
    public const int MaxYamlDepth = 64;

    // Nodes once aliases are expanded: "billion laughs" stops here, not in the node tree's hashing.
    public const int MaxYamlNodes = 100_000;

    // Markdown containers (quotes, list items) and inline nesting (emphasis, links) together.
    public const int MaxMarkdownDepth = 32;

    // Facts one note contributes; a note is a page or two, not an export.
    public const int MaxFactsPerFile = 5_000;

    public const int CatalogMaxBytes = 1_048_576;
}
