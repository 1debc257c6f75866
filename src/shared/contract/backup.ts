import { channel } from './define'

// Channels of the backup feature. (`channel` is imported for the declarations to come.)
void channel

export const backupChannels = {}
