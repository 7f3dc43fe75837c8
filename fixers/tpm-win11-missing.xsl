<?xml version="1.0"?>
<!-- tpm-win11-missing: add an emulated TPM 2.0,
       <tpm model='tpm-crb'><backend type='emulator' version='2.0'/></tpm>,
     where libvirt writes TPMs: before the first graphics, sound, audio,
     video, hostdev, redirdev, redirfilter, hub, watchdog, memballoon, rng,
     panic, shmem, memory, iommu, vsock, crypto or pstore device, else at
     the end of <devices>.
     Parameters: targets (the <devices>; unused). -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix"
                exclude-result-prefixes="vl">
  <xsl:param name="targets"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template name="tpm">
    <tpm model="tpm-crb">
      <backend type="emulator" version="2.0"/>
    </tpm>
  </xsl:template>

  <xsl:template match="/domain/devices">
    <xsl:variable name="after" select="(graphics|sound|audio|video|hostdev|redirdev|redirfilter|hub|watchdog|memballoon|rng|panic|shmem|memory|iommu|vsock|crypto|pstore)[1]"/>
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:for-each select="node()">
        <xsl:if test="not(../tpm) and $after and count(. | $after) = 1">
          <xsl:call-template name="tpm"/>
        </xsl:if>
        <xsl:apply-templates select="."/>
      </xsl:for-each>
      <xsl:if test="not(tpm) and not($after)">
        <xsl:call-template name="tpm"/>
      </xsl:if>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
