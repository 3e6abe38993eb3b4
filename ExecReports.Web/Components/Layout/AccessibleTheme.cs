using MudBlazor;

namespace ExecReports.Web.Components.Layout;

// MudBlazor's default success, warning, info, error and secondary colours give white chip text 2.2:1 to 3.7:1;
// these darker shades reach WCAG AA (4.5:1) for small text on both filled chips and coloured text on white.
public static class AccessibleTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Secondary = "#c2185b",
            Success = "#2e7d32",
            Warning = "#8a4b00",
            Info = "#1565c0",
            Error = "#c62828",
        },
    };
}
