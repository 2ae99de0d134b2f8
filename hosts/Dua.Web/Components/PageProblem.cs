namespace Dua.Web.Components;

/// <summary>Why a page shows no figures: each has its Swedish message and its HTTP status on the first render.</summary>
public enum PageProblem
{
    None,

    /// <summary>The person's sign-in does not cover the area (403).</summary>
    Refused,

    /// <summary>The gateway or a silo cannot answer now (503); the page tries again by itself.</summary>
    Unavailable,
}
