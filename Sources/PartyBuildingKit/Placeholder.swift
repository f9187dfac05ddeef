public enum PartyBuildingKitPlaceholder {}
