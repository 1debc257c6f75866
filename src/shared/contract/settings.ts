import { channel } from './define'

// Channels of the settings feature. (`channel` is imported for the declarations to come.)
void channel

export const settingsChannels = {}
