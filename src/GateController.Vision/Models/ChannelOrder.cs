namespace GateController.Vision.Models;

/// <summary>The order of the three colour planes a model expects in its input tensor.</summary>
public enum ChannelOrder
{
    Bgr,
    Rgb,
}
