using System.Text.Json.Serialization;

namespace RunbookRunner.Slack.BlockKit;

/// <summary>Colour of a button or of a confirmation dialog's confirm button.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ButtonStyle>))]
public enum ButtonStyle
{
    /// <summary>Green: the expected, safe action.</summary>
    [JsonStringEnumMemberName("primary")]
    Primary,

    /// <summary>Red: a destructive action.</summary>
    [JsonStringEnumMemberName("danger")]
    Danger,
}
