<?xml version="1.0"?>
<!-- disk-rotation-rate-bus: drop rotation_rate from a disk <target> whose
     bus or device has no rotation rate (libvirt refuses it there).
     Parameters: targets, the vl:id of each <target>, space-separated. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix">
  <xsl:param name="targets"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="disk/target">
    <xsl:copy>
      <xsl:choose>
        <xsl:when test="contains($targets, concat(' ', @vl:id, ' '))">
          <xsl:apply-templates select="@*[name() != 'rotation_rate']|node()"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="@*|node()"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
