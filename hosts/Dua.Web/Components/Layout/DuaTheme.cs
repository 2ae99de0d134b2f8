using MudBlazor;

namespace Dua.Web.Components.Layout;

/// <summary>Colours with at least 4.5:1 contrast for text (WCAG 2.1 AA), on white and on the app bar.</summary>
public static class DuaTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1d4f7a",
            AppbarBackground = "#1d4f7a",
            AppbarText = "#ffffff",
            TextPrimary = "#1a1a1a",
            TextSecondary = "#4a4a4a",
            Error = "#a4262c",
            Warning = "#7a4a00",
            Info = "#1d4f7a",
            Success = "#1e6b2f",
        },
    };
}
